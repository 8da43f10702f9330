// search_form.js — search as you type: the core answers, the form's data- attributes give every word.
// Appended to /assets/app.js by `pietura build` (components in name order), so it runs
// in app.js's module scope: it uses doc, lang, form (#search), input (#q) and
// loadSearch() from there (the language's search shard, issue 13: the same core search
// without the whole snapshot), and keeps its own names inside this block.
{
  // Until this page's own core has arrived, `pietura serve` answers (issue 13): the same
  // C++ core on the server, a few KB per answer, where the search-first module and the
  // shard are some 700 KB on a slow phone at national scale. The page's core is asked
  // for once the server has answered — so its download never competes with that answer
  // — and answers every keystroke from then on. A plain static host (404) or no
  // connection leave it to the page's core, as before. A server silent for
  // SERVER_QUIET_MS starts the page's core too, and the first of the two to answer is
  // shown (the server's answer still counts until SERVER_WAIT_MS). A page the offline
  // copy serves has its core on the device: that one starts at once.
  let local = null; // the page's own searcher, once it has arrived
  let serverless = false; // a static host or a server without search: never ask again
  const ownCore = () => loadSearch().then((s) => (local = s));
  if (navigator.serviceWorker?.controller) ownCore();
  const SERVER_QUIET_MS = 2000;
  const SERVER_WAIT_MS = 6000;

  // One query's first answer: { served: body } from the server, { core: searcher } once
  // the page's core is here, or null when neither can answer.
  function firstAnswer(path, params) {
    if (local) return Promise.resolve({ core: local });
    if (serverless || navigator.onLine === false) return ownCore().then((s) => (s ? { core: s } : null));
    return track(new Promise((resolve) => {
      let settled = false;
      let serverFailed = false;
      let coreFailed = false;
      let coreAsked = false;
      const finish = (value) => {
        if (!settled) {
          settled = true;
          resolve(value);
        }
      };
      // Asked for before the server's part settles, so the offline copy (core.js loading()) waits for it.
      const askCore = () => {
        if (coreAsked) return;
        coreAsked = true;
        ownCore().then((s) => {
          if (s) {
            finish({ core: s });
          } else {
            coreFailed = true;
            if (serverFailed) finish(null);
          }
        });
      };
      const quiet = setTimeout(askCore, SERVER_QUIET_MS);
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), SERVER_WAIT_MS);
      (async () => {
        try {
          const r = await fetch(path + '?' + new URLSearchParams({ lang, ...params }), { signal: stop.signal });
          if (r.ok) {
            const body = await r.text();
            ownCore(); // the answer is in: now the page's core may download
            finish({ served: body });
            return;
          }
          // 429 (a busy library's address) and 5xx pass: the page's core answers this time.
          if (r.status === 404 || r.status === 405 || r.status === 503) serverless = true;
        } catch {
          /* no connection or too slow: the page's core answers */
        } finally {
          clearTimeout(timer);
          clearTimeout(quiet);
        }
        serverFailed = true;
        if (coreFailed) finish(null);
        else askCore();
      })();
    }));
  }

  // A keystroke's search starts once typing pauses for 60 ms. Until it has answered it
  // is the page's own work (core.js track()), the pause included: the offline copy,
  // which waits for that work, must not start in the gap before the search does.
  function afterPause(search) {
    let timer = 0;
    let release = null;
    return () => {
      clearTimeout(timer);
      release?.();
      track(new Promise((resolve) => {
        release = resolve;
        timer = setTimeout(() => {
          release = null;
          resolve(search());
        }, 60);
      }));
    };
  }

  // The count in words by the core's plural rules, from the form's own strings.
  const countStrings = () => {
    const d = form.dataset;
    return { 'search.results.zero': d.resultsZero, 'search.results.one': d.resultsOne, 'search.results.other': d.resultsOther };
  };

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

  // The search page shows the core's own results (site/components/search_results, as
  // `pietura serve` sends them without JavaScript), from the server until the
  // language's search shard is here, then from the shard.

  const answer = doc.getElementById('search-answer');
  if (form && input && answer) {
    const status = doc.getElementById('search-status');
    const strings = JSON.parse(answer.dataset.resultsStrings);
    let announceTimer = 0;
    let seq = 0;

    const show = async (query, page, focusFrom) => {
      const mine = ++seq;
      if (!query) {
        answer.replaceChildren();
        answer.hidden = true;
        status.textContent = '';
        return;
      }
      const first = await firstAnswer('/api/search/results', { q: query, lapa: String(page) });
      if (!first || mine !== seq) return;
      let html = first.served;
      if (first.core) {
        try {
          html = first.core.resultsHtml(query, lang, page, strings);
        } catch {
          return; // the A–Z list below still answers
        }
      }
      if (mine !== seq) return;
      answer.innerHTML = html; // rendered and escaped by the core, here or on the server
      answer.hidden = false;
      const url = new URL(location.href);
      url.searchParams.set('q', query);
      if (page > 1) url.searchParams.set('lapa', String(page));
      else url.searchParams.delete('lapa');
      history.replaceState(history.state, '', url);
      if (focusFrom) answer.querySelector('#result-' + focusFrom + ' a')?.focus();
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        if (mine === seq) status.textContent = answer.querySelector('h2')?.textContent || '';
      }, 500);
    };

    // "Show more" is a link to the next page without JavaScript; here it adds the next
    // hits in place and moves focus to the first of them.
    answer.addEventListener('click', (e) => {
      const more = e.target.closest('a[data-page]');
      if (!more) return;
      e.preventDefault();
      const shown = Number(answer.querySelector('[data-shown]')?.dataset.shown || 0);
      show(input.value.trim(), Number(more.dataset.page), shown + 1);
    });
    input.addEventListener('input', afterPause(() => show(input.value.trim(), 1)));
    const params = new URLSearchParams(location.search);
    const q = params.get('q');
    if (q && !input.value) input.value = q;
    const page = Math.max(1, Math.min(10, Number.parseInt(params.get('lapa') || '1', 10) || 1));
    if (input.value.trim()) show(input.value.trim(), page);
  } else if (form && input) {
    const status = doc.getElementById('search-status');
    const list = doc.getElementById('search-results');
    const box = list;
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
      let hits;
      let count;
      const first = await firstAnswer('/api/search', { q: query, limit: '10' });
      if (mine !== seq) return;
      try {
        ({ hits, count } = JSON.parse(first?.served));
        if (!Array.isArray(hits)) throw new TypeError('no hits');
      } catch {
        const cat = first?.core || (await ownCore());
        if (!cat || mine !== seq) return;
        try {
          hits = cat.search(query, lang, 10);
          count = cat.resultsCount(hits.length, lang, countStrings());
        } catch {
          return;
        }
      }
      if (mine !== seq) return;
      const items = Array.from(hits, resultItem);
      if (!items.length) {
        const li = doc.createElement('li');
        li.className = 'note';
        li.textContent = form.dataset.resultsNone;
        items.push(li);
      }
      // An answer can arrive after the citizen has moved into the list (a slow link
      // answering an earlier keystroke last): keep the focus on the same result, or in
      // the box, never lost to the page's start.
      const focused = list.contains(doc.activeElement) ? doc.activeElement.getAttribute('href') : null;
      list.replaceChildren(...items);
      box.hidden = false;
      if (focused !== null) (links().find((a) => a.getAttribute('href') === focused) || input).focus();
      // Announce once typing pauses, not on every keystroke.
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        if (mine === seq) status.textContent = hits.length ? count : form.dataset.resultsNone;
      }, 500);
    };

    input.addEventListener('input', afterPause(run));

    const links = () => Array.from(list.querySelectorAll('a'));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && !box.hidden) {
        const first = links()[0];
        if (first) {
          e.preventDefault();
          first.focus();
        }
      } else if (e.key === 'Escape') {
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

    if (input.value.trim()) {
      run(); // typed before this script arrived, or restored by the browser
    }
  }
}
