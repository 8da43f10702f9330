// step_by_step.js — a life situation's steps fold under their headings, and the yes/no
// questions narrow them at once (issue 15). Appended to /assets/app.js by `pietura
// build`, so it runs in app.js's module scope (doc); its own names stay in this block.
// Without JavaScript every step is open and the question form stays hidden: a static
// page cannot filter, and showing every step is the safe answer.
{
  const list = doc.querySelector('ol.steps');
  const steps = list ? Array.from(list.querySelectorAll(':scope > .step')) : [];

  // GOV.UK step-by-step: the heading stays a heading (screen readers list it), its text
  // becomes a button that says whether the step is open and controls the step's body.
  const toggles = [];
  const setOpen = (t, open) => {
    t.button.setAttribute('aria-expanded', String(open));
    t.body.hidden = !open;
  };
  for (const step of steps) {
    const heading = step.querySelector(':scope > .step-title');
    const body = step.querySelector(':scope > .step-body');
    if (!heading || !body) continue;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'step-toggle';
    button.setAttribute('aria-controls', body.id);
    button.append(...heading.childNodes);
    heading.append(button);
    const t = { step, button, body };
    toggles.push(t);
    setOpen(t, false);
    button.addEventListener('click', () => {
      setOpen(t, button.getAttribute('aria-expanded') !== 'true');
      syncAll();
    });
  }

  const all = doc.getElementById('steps-all');
  const syncAll = () => {
    if (!all) return;
    const open = toggles.length > 0 && toggles.every((t) => t.step.hidden || t.button.getAttribute('aria-expanded') === 'true');
    all.setAttribute('aria-expanded', String(open));
    all.textContent = open ? all.dataset.close : all.dataset.open;
  };
  if (all && toggles.length) {
    all.parentElement.hidden = false;
    all.addEventListener('click', () => {
      const open = all.getAttribute('aria-expanded') !== 'true';
      for (const t of toggles) setOpen(t, open);
      syncAll();
    });
  }

  // A link to one step (#step-3, as service pages give) opens it.
  const openTarget = () => {
    const t = toggles.find((x) => '#' + x.step.id === location.hash);
    if (!t) return;
    setOpen(t, true);
    syncAll();
    t.step.scrollIntoView();
    t.button.focus();
  };
  openTarget();
  window.addEventListener('hashchange', openTarget);

  // A printed checklist needs every step; afterwards the page is as it was.
  let before = null;
  window.addEventListener('beforeprint', () => {
    before = toggles.map((t) => t.button.getAttribute('aria-expanded') === 'true');
    for (const t of toggles) t.body.hidden = false;
  });
  window.addEventListener('afterprint', () => {
    if (before) toggles.forEach((t, i) => setOpen(t, before[i]));
    before = null;
  });

  const questions = doc.getElementById('questions');
  if (questions) {
    questions.hidden = false;
    const status = doc.getElementById('steps-status');
    const update = () => {
      const answers = {};
      for (const r of questions.querySelectorAll('input[type=radio]:checked')) answers[r.name] = r.value === 'yes';
      let shown = 0;
      for (const step of steps) {
        let when = {};
        try {
          when = JSON.parse(step.dataset.when || '{}');
        } catch {
          // A step we cannot read stays visible: showing too much is safe.
        }
        // An unanswered question never hides a step.
        const fits = Object.entries(when).every(([id, want]) => !(id in answers) || answers[id] === want);
        step.hidden = !fits;
        if (fits) shown++;
      }
      status.textContent = Object.keys(answers).length
        ? questions.dataset.stepsStatus.replace('{shown}', String(shown)).replace('{total}', String(steps.length))
        : '';
      syncAll();
    };
    questions.addEventListener('change', update);
    questions.addEventListener('reset', () => setTimeout(update));
    // The submit button filters in place (answers already apply as they change) and
    // takes the citizen to the steps that remain.
    questions.addEventListener('submit', (e) => {
      e.preventDefault();
      update();
      const first = toggles.find((t) => !t.step.hidden);
      if (first) first.button.focus();
    });
    update(); // the browser may have restored answers on "Back"
  }
}
