// app.js — progressive enhancement of the pre-rendered pages. Thin glue only:
// search answers come from the C++ core (wasm), every word shown comes from the
// page's data- attributes (i18n/*.json), and every page already works without it.
// Nothing is stored in the browser: shared library PCs must keep no trace.

const doc = document;
const form = doc.getElementById('search');
const input = doc.getElementById('q');
const lang = (form && form.dataset.lang) || doc.documentElement.lang;

// --- search as you type ----------------------------------------------------------------

let core; // Promise<Catalogue|null>, started on first need
function loadCore() {
  if (!core) core = (async () => {
    // The snapshot download overlaps with loading the wasm.
    const snapshot = fetch('/catalogue.sqlite').then((r) => {
      if (!r.ok) throw new Error('snapshot ' + r.status);
      return r.arrayBuffer();
    });
    if (typeof globalThis.createPietura !== 'function') {
      await new Promise((resolve, reject) => {
        const s = doc.createElement('script');
        s.src = '/assets/pietura.js';
        s.onload = resolve;
        s.onerror = reject;
        doc.head.append(s);
      });
    }
    const M = await globalThis.createPietura({ locateFile: (f) => '/assets/' + f });
    return new M.Catalogue(new Uint8Array(await snapshot));
  })().catch(() => null); // no core: the plain form still submits to the A–Z page
  return core;
}

function resultsText(n) {
  const d = form.dataset;
  if (n === 0) return d.resultsNone;
  const cat = new Intl.PluralRules(lang).select(n);
  const key = 'results' + cat[0].toUpperCase() + cat.slice(1);
  return (d[key] || d.resultsOther).replace('{n}', String(n));
}

function kindLabel(kind) {
  const key = 'kind' + kind.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return form.dataset[key] || '';
}

function resultItem(hit) {
  const li = doc.createElement('li');
  const a = doc.createElement('a');
  // Only site-relative links: a result can never point elsewhere.
  a.href = /^\/(?!\/)/.test(hit.url) ? hit.url : '/';
  a.innerHTML = hit.titleHtml; // escaped by the core, with <mark> around matches
  li.append(a);
  const label = kindLabel(hit.kind);
  if (label) {
    const tag = doc.createElement('span');
    tag.className = 'tag';
    tag.textContent = label;
    li.append(' ', tag);
  }
  if (hit.summary) {
    const p = doc.createElement('p');
    p.textContent = hit.summary;
    li.append(p);
  }
  return li;
}

if (form && input) {
  const status = doc.getElementById('search-status');
  // On the search page, results go above the A–Z list; elsewhere under the box.
  const section = doc.getElementById('live-results');
  const list = doc.getElementById('live-results-list') || doc.getElementById('search-results');
  const box = section || list;
  let timer = 0;
  let announceTimer = 0;
  let seq = 0;

  const clear = () => {
    seq++;
    list.replaceChildren();
    box.hidden = true;
    status.textContent = '';
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++seq;
    if (!query) return clear();
    const cat = await loadCore();
    if (!cat || mine !== seq) return;
    let hits;
    try {
      hits = cat.search(query, lang, 10);
    } catch {
      return;
    }
    const items = Array.from(hits, resultItem);
    if (!items.length) {
      const li = doc.createElement('li');
      li.className = 'note';
      li.textContent = resultsText(0);
      items.push(li);
    }
    list.replaceChildren(...items);
    box.hidden = false;
    // Announce once typing pauses, not on every keystroke.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (mine === seq) status.textContent = resultsText(hits.length);
    }, 500);
  };

  input.addEventListener('focus', loadCore, { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });

  const links = () => Array.from(list.querySelectorAll('a'));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !box.hidden) {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape' && !section) {
      clear();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(doc.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < all.length) all[i + 1].focus();
    else if (e.key === 'ArrowUp') (i > 0 ? all[i - 1] : input).focus();
    else if (e.key === 'Escape') input.focus();
    else return;
    e.preventDefault();
  });

  const q = new URLSearchParams(location.search).get('q');
  if (section && q) {
    input.value = q;
    run();
  } else if (input.value.trim()) {
    run(); // typed before this script arrived, or restored by the browser
  }
}

// --- life situations: answers narrow the steps at once ----------------------------------

const questions = doc.getElementById('questions');
if (questions) {
  const steps = Array.from(doc.querySelectorAll('.steps > .step'));
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
  };
  questions.addEventListener('change', update);
  questions.addEventListener('reset', () => setTimeout(update));
  questions.addEventListener('submit', (e) => e.preventDefault());
  update(); // the browser may have restored answers on "Back"
}

const printButton = doc.getElementById('print-checklist');
if (printButton) {
  printButton.hidden = false;
  printButton.addEventListener('click', () => window.print());
}

// --- open now? on contact-point pages ------------------------------------------------------
// The core answers in Latvian time with the snapshot's holidays; the text changes
// only when the answer does, so screen readers are not told the same thing each minute.
const openStatus = doc.getElementById('open-status');
if (openStatus && openStatus.dataset.id) {
  const show = async () => {
    const cat = await loadCore();
    const s = cat && cat.openingStatus(openStatus.dataset.id, Date.now(), lang);
    if (!s || !s.text || openStatus.textContent === s.text) return;
    openStatus.textContent = s.text;
    openStatus.dataset.state = s.state;
  };
  show();
  setInterval(show, 60000);
}

// --- booking and rating forms load their own glue, only on the pages that have them ----------
if (doc.querySelector('form.booking, #print-booking')) import('./booking.js');
if (doc.querySelector('form.rating-form')) import('./rating.js');
