// app.js — progressive enhancement of the pre-rendered pages. Thin glue only:
// search answers come from the C++ core (wasm), every word shown comes from the
// page's data- attributes (i18n/*.json), and every page already works without it.
// The browser keeps only this PC's settings (localStorage) and, until the server has
// answered, unsent requests (outbox.js: IndexedDB, or memory on a shared PC).
// Shared-computer mode is also the cookie pietura_shared (1/0), so the pages the
// server renders know it without JavaScript; the two are one setting (issue 12).

const doc = document;
const form = doc.getElementById('search');
const input = doc.getElementById('q');
const lang = (form && form.dataset.lang) || doc.documentElement.lang;

// --- this PC's settings: text size, contrast, shared-computer mode ----------------------------
// They belong to the PC, not to a person, so they are the only things kept in localStorage.
const SETTINGS = { large: 'pietura.large', contrast: 'pietura.contrast', shared: 'pietura.shared', timeout: 'pietura.timeout' };
const setting = (k) => { try { return localStorage.getItem(SETTINGS[k]); } catch { return null; } };
const SHARED_COOKIE = 'pietura_shared';
const sharedCookie = () => doc.cookie.match(/(?:^|;\s*)pietura_shared=([01])(?:;|$)/)?.[1] ?? null;
const writeSharedCookie = (on) => {
  doc.cookie = `${SHARED_COOKIE}=${on ? '1' : '0'}; Path=/; Max-Age=31536000; SameSite=Lax`;
};
const saveSetting = (k, v) => {
  try {
    if (v === null) localStorage.removeItem(SETTINGS[k]);
    else localStorage.setItem(SETTINGS[k], v);
  } catch { /* storage off: the setting lasts for this page only */ }
  if (k === 'shared') writeSharedCookie(v === '1');
};
// A cookie present was written last (by the settings page's plain form, or by the
// server after "Finish and clear" without JavaScript): it wins. None (cleared, or
// never set): this PC's localStorage setting writes it.
{
  const c = sharedCookie();
  if (c !== null && (c === '1') !== (setting('shared') === '1')) saveSetting('shared', c === '1' ? '1' : null);
  else if (c === null) writeSharedCookie(setting('shared') === '1');
}
function applyDisplay() {
  doc.documentElement.classList.toggle('large-text', setting('large') === '1');
  doc.documentElement.classList.toggle('high-contrast', setting('contrast') === '1');
}
applyDisplay();

// The library's start page can switch shared mode with ?shared=1 / ?koplietojams=1 (0 turns it off).
{
  const params = new URLSearchParams(location.search);
  const sw = params.get('shared') ?? params.get('koplietojams');
  if (sw === '1' || sw === '0') {
    saveSetting('shared', sw === '1' ? '1' : null);
    const t = Number(params.get('timeout'));
    if (t >= 1 && t <= 60) saveSetting('timeout', String(t));
    params.delete('shared');
    params.delete('koplietojams');
    params.delete('timeout');
    history.replaceState(null, '', location.pathname + (params.size ? '?' + params : '') + location.hash);
  }
}

const settingsForm = doc.getElementById('settings-form');
if (settingsForm) {
  settingsForm.hidden = false;
  const el = settingsForm.elements;
  el.large.checked = setting('large') === '1';
  el.contrast.checked = setting('contrast') === '1';
  el.shared.checked = setting('shared') === '1';
  if (setting('timeout')) el.timeout.value = setting('timeout');
  settingsForm.addEventListener('submit', (e) => {
    e.preventDefault();
    saveSetting('large', el.large.checked ? '1' : null);
    saveSetting('contrast', el.contrast.checked ? '1' : null);
    saveSetting('shared', el.shared.checked ? '1' : null);
    saveSetting('timeout', el.timeout.value);
    applyDisplay();
    startSharedMode();
    const status = doc.getElementById('settings-status');
    status.textContent = status.dataset.saved;
  });
}

// --- shared-computer (librarian) mode -----------------------------------------------------------
// Nothing personal may outlive the visit: "Finish and clear" on every page, and an
// inactivity timeout that first asks for more time (WCAG 2.2.1), then clears.
const sharedBar = doc.getElementById('shared-bar');
let sharedTimer = 0;
let countdownTimer = 0;

async function clearEverything() {
  // Parts of the app holding personal data in memory (the booking outbox) listen for this.
  doc.dispatchEvent(new CustomEvent('pietura:clear'));
  for (const f of doc.forms) f.reset();
  try { sessionStorage.clear(); } catch { /* storage off */ }
  try {
    const keep = new Set(Object.values(SETTINGS));
    for (const k of Object.keys(localStorage)) if (!keep.has(k)) localStorage.removeItem(k);
  } catch { /* storage off */ }
  try {
    if (indexedDB.databases) for (const d of await indexedDB.databases()) if (d.name) indexedDB.deleteDatabase(d.name);
  } catch { /* not available */ }
  try {
    // The offline copy of the site (pietura-site-*, pietura-meta) is not personal; anything else is dropped.
    for (const k of await caches.keys()) if (!k.startsWith('pietura-site-') && k !== 'pietura-meta') await caches.delete(k);
  } catch { /* not available */ }
  try {
    // What scripts cannot reach: the server forgets this browser's confirmation view and
    // clears its cookies (the HttpOnly view cookie too) and the HTTP cache. A static host
    // without the server answers nothing here, and there is nothing there to clear.
    await fetch('/api/finish', { method: 'POST', cache: 'no-store', credentials: 'same-origin' });
  } catch { /* offline, or no server */ }
  writeSharedCookie(setting('shared') === '1'); // the clearing took this PC's setting along
  // replace(): the start page takes this page's place in history instead of adding one.
  location.replace(sharedBar.dataset.home + '#cleared');
}

function startSharedMode() {
  if (!sharedBar) return;
  const on = setting('shared') === '1';
  sharedBar.hidden = !on;
  doc.documentElement.classList.toggle('shared-pc', on);
  clearTimeout(sharedTimer);
  if (!on) return;
  const minutes = Math.min(60, Math.max(1, Number(setting('timeout')) || 5));
  const dialog = doc.getElementById('timeout-dialog');
  const text = doc.getElementById('timeout-text');
  const warnFor = Math.min(60, minutes * 30); // seconds of warning before clearing
  const arm = () => {
    clearTimeout(sharedTimer);
    if (dialog.open) return; // only the dialog's buttons answer it
    sharedTimer = setTimeout(warn, minutes * 60000 - warnFor * 1000);
  };
  const warn = () => {
    let left = warnFor;
    const tick = () => {
      text.textContent = dialog.dataset.text.replace('{s}', String(left));
      if (left-- <= 0) clearEverything();
      else countdownTimer = setTimeout(tick, 1000);
    };
    dialog.showModal();
    tick();
  };
  const more = () => {
    clearTimeout(countdownTimer);
    dialog.close();
    arm();
  };
  doc.getElementById('timeout-more').onclick = more;
  dialog.oncancel = (e) => { e.preventDefault(); more(); }; // Escape means "more time", never "clear"
  doc.getElementById('timeout-finish').onclick = () => clearEverything();
  // The button belongs to a plain form for pages without JavaScript; here the script clears.
  doc.getElementById('finish-clear').onclick = (e) => { e.preventDefault(); clearEverything(); };
  // Personal fields of the pages app.js sees (the static offline booking step) are not
  // remembered by the browser: not offered to the next visitor, not restored on Back.
  for (const el of doc.querySelectorAll('form.booking input:not([type=hidden]):not([type=radio]), form.booking textarea, form.booking'))
    el.autocomplete = 'off';
  // A page the browser kept in its back/forward cache comes back without what was typed.
  addEventListener('pageshow', (e) => { if (e.persisted) for (const f of doc.querySelectorAll('form.booking')) f.reset(); });
  for (const ev of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart']) addEventListener(ev, arm, { passive: true });
  arm();
  if (location.hash === '#cleared') {
    doc.getElementById('shared-status').textContent = sharedBar.dataset.cleared;
    history.replaceState(null, '', location.pathname);
  }
}
startSharedMode();

// --- offline copy and updates (sw.js) ------------------------------------------------------------
const banner = doc.getElementById('update-banner');
function showBanner(kind, reason) {
  if (!banner) return;
  banner.querySelector('.banner-text').textContent = banner.dataset[kind].replace('{reason}', reason || '');
  const reload = banner.querySelector('.banner-reload');
  reload.hidden = kind === 'failed';
  reload.onclick = () => {
    if (kind === 'ready' && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: 'apply-update' });
    else location.reload();
  };
  banner.hidden = false;
}
if ('serviceWorker' in navigator && banner) {
  navigator.serviceWorker.addEventListener('message', (e) => {
    const m = e.data || {};
    if (m.type === 'update-ready') showBanner('ready');
    else if (m.type === 'update-failed') showBanner('failed', m.reason);
    else if (m.type === 'updated') location.reload();
  });
  navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then((reg) => {
    // Look for a newer build in the background, once per page view.
    if (navigator.onLine) reg.active?.postMessage({ type: 'check-update' });
  }).catch(() => { /* no offline copy; the site works online as before */ });
}

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
    const cat = new M.Catalogue(new Uint8Array(await snapshot));
    // A page of one build must not be answered from another build's database.
    const pageVersion = doc.querySelector('meta[name="pietura-content-version"]')?.content;
    if (pageVersion && cat.contentVersion() !== pageVersion) showBanner('stale');
    return cat;
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

// --- open now? on contact-point pages and in "nearest" lists ---------------------------------
// The core answers in Latvian time with the snapshot's holidays; the text changes
// only when the answer does, so screen readers are not told the same thing each minute.
const statusCells = () => [
  ...doc.querySelectorAll('#open-status[data-id]'),
  ...doc.querySelectorAll('[data-open-status]'),
];
if (statusCells().length) {
  const show = async () => {
    const cat = await loadCore();
    if (!cat) return;
    for (const el of statusCells()) {
      const s = cat.openingStatus(el.dataset.id || el.dataset.openStatus, Date.now(), lang);
      if (!s || !s.text || el.textContent === s.text) continue;
      el.textContent = s.text;
      el.dataset.state = s.state;
    }
  };
  show();
  setInterval(show, 60000);
}

// --- a week from today and the holidays ahead, on contact-point pages --------------------------
function dayTable(days, d, withDay) {
  const table = doc.createElement('table');
  table.className = 'days';
  const head = table.createTHead().insertRow();
  for (const label of withDay ? [d.date, d.day, d.hours, d.note] : [d.date, d.hours, d.note]) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const day of days) {
    const row = body.insertRow();
    if (!day.open) row.className = 'closed';
    const cells = withDay ? [day.date, day.weekday, day.hours, day.note] : [day.date + ' ' + day.weekday, day.hours, day.note];
    for (const text of cells) row.insertCell().textContent = text;
  }
  return table;
}

const week = doc.getElementById('week');
if (week) {
  loadCore().then((cat) => {
    if (!cat) return;
    const d = week.dataset;
    const seven = cat.days(d.id, Date.now(), lang, 7);
    if (!seven.length) return;
    week.querySelector('.week-table').replaceChildren(dayTable(seven, d, true));
    const ahead = cat.days(d.id, Date.now(), lang, 60).filter((day) => day.note);
    const box = week.querySelector('.holidays-ahead');
    if (ahead.length) box.replaceChildren(dayTable(ahead, d, false));
    else box.textContent = d.none;
    week.hidden = false;
  });
}

// --- nearest contact point finder ---------------------------------------------------------------
// Where am I (a typed place from the snapshot's gazetteer, or the browser's
// geolocation on a button press only), then the core ranks and filters.
const finder = doc.getElementById('finder');
if (finder) {
  // Shown from the first paint (see nojs.css); usable once the core has arrived.
  const formEl = doc.getElementById('finder-form');
  const controls = [...formEl.elements];
  for (const c of controls) c.disabled = true;
  loadCore().then((cat) => {
    if (!cat) {
      finder.hidden = true; // the municipality list below still works
      return;
    }
    for (const c of controls) c.disabled = false;
    const f = finder.dataset;
    const place = doc.getElementById('place');
    const options = doc.getElementById('place-options');
    const status = doc.getElementById('finder-status');
    const results = doc.getElementById('finder-results');
    const template = doc.getElementById('nearby-template');
    let here = null; // {lat, lon, name}

    place.addEventListener('input', () => {
      here = null;
      const found = cat.findPlaces(place.value, lang, 8);
      options.replaceChildren(...found.map((p) => {
        const o = doc.createElement('option');
        o.value = p.name;
        if (p.territory && p.territory !== p.name) o.label = p.territory;
        return o;
      }));
    });

    const item = (nb) => {
      const li = template.content.firstElementChild.cloneNode(true);
      const q = (sel) => li.querySelector(sel);
      const name = q('.nb-name');
      name.textContent = nb.name;
      name.href = /^\/(?!\/)/.test(nb.url) ? nb.url : '/';
      q('.nb-distance').textContent = nb.distance;
      q('.nb-status').textContent = nb.status.text;
      q('.nb-status').dataset.state = nb.status.state;
      q('.nb-address').textContent = nb.address;
      if (nb.phone) {
        q('.nb-phone').textContent = nb.phone;
        q('.nb-phone').href = 'tel:' + nb.phone.replace(/[^+0-9]/g, '');
      } else q('.nb-phone-row').remove();
      if (nb.email) {
        q('.nb-email').textContent = nb.email;
        q('.nb-email').href = 'mailto:' + nb.email;
      } else q('.nb-email-row').remove();
      const access = q('.nb-access');
      access.textContent = nb.stepFree ? access.dataset.yes : access.dataset.no;
      if (nb.remote.length) q('.nb-remote').textContent = nb.remote.join(', ');
      else q('.nb-remote-row').remove();
      const services = q('.nb-services');
      services.textContent = services.dataset.text.replace('{n}', String(nb.services));
      if (nb.busStopM >= 0) q('.nb-bus').textContent = nb.busStop + ', ' + nb.busStopDistance;
      else q('.nb-bus-row').remove();
      q('.nb-map').href = 'geo:' + nb.lat.toFixed(5) + ',' + nb.lon.toFixed(5);
      return li;
    };

    const search = () => {
      if (!here) {
        const typed = place.value.trim();
        if (!typed) {
          status.textContent = f.choose;
          results.replaceChildren();
          place.focus();
          return;
        }
        const found = cat.findPlaces(typed, lang, 1);
        if (!found.length) {
          status.textContent = f.unknownPlace.replace('{q}', typed);
          results.replaceChildren();
          return;
        }
        here = { lat: found[0].lat, lon: found[0].lon, name: found[0].name };
      }
      const data = new FormData(formEl);
      const list = cat.nearest(here.lat, here.lon, {
        limit: 5,
        service: data.get('service') || '',
        remote: data.get('remote') || '',
        openNow: data.has('openNow'),
        saturday: data.has('saturday'),
        after17: data.has('after17'),
        stepFree: data.has('stepFree'),
      }, Date.now(), lang);
      results.replaceChildren(...list.map(item));
      status.textContent = list.length
        ? f.found.replace('{place}', here.name).replace('{n}', String(list.length))
        : f.none;
    };

    formEl.addEventListener('submit', (e) => {
      e.preventDefault();
      search();
    });
    formEl.addEventListener('change', (e) => {
      if (e.target !== place && results.childElementCount) search();
    });

    const locate = doc.getElementById('locate');
    if (!('geolocation' in navigator)) locate.hidden = true;
    locate.addEventListener('click', () => {
      status.textContent = f.locating;
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          here = { lat: pos.coords.latitude, lon: pos.coords.longitude, name: f.located };
          place.value = '';
          search();
        },
        () => {
          status.textContent = f.geoFailed;
        },
        { maximumAge: 600000, timeout: 15000 },
      );
    });
  });
}

// --- booking and rating forms load their own glue, only on the pages that have them ----------
if (doc.querySelector('form.booking, #print-booking')) import('./booking.js');
if (doc.querySelector('form.rating-form')) import('./rating.js');
