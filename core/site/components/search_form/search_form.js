// search_form.js — search as you type: the core answers, the form's data- attributes give every word.
// Appended to /assets/app.js by `pietura build` (components in name order), so it runs
// in app.js's module scope: it uses doc, lang, form (#search), input (#q) and
// loadCore() from there, and keeps its own names inside this block.
{
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
}
