// shared_bar.js — this PC's settings (text size, contrast, shared-computer mode) and
// shared-computer mode itself: the bar, "Finish and clear", the inactivity dialog and
// its countdown (issue 12). Appended to /assets/app.js by `pietura build` (components
// in name order), so it runs in app.js's module scope: it uses doc from there, and
// keeps its own names inside this block.
// The browser keeps only this PC's settings (localStorage) and, until the server has
// answered, unsent requests (outbox.js: IndexedDB, or memory on a shared PC).
// Shared-computer mode is also the cookie pietura_shared (1/0), so the pages the
// server renders know it without JavaScript; the two are one setting (issue 12).
{
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
        // Each second's sentence, in its plural form, is chosen by shared_bar.cpp (issue 14):
        // the line whose data-s lists this second; only the number goes in here.
        const line = doc.getElementById('timeout-texts')?.content.querySelector(`[data-s~="${left}"]`);
        text.textContent = (line ? line.textContent : dialog.dataset.text).replace('{s}', String(left));
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
}
