// app.js — progressive enhancement of the pre-rendered pages. Thin glue only:
// search answers come from the C++ core (wasm), every word shown comes from the
// page's data- attributes (i18n/*.json), and every page already works without it.
// The behaviour of page components (search as you type, the finder, the week view,
// this PC's settings and shared-computer mode) lives with each component in
// core/site/components/<name>/<name>.js; `pietura build` appends those to this file,
// so /assets/app.js stays the one script a page loads.

import { loading, remote, searcher, track } from './core.js';

const doc = document;
const form = doc.getElementById('search');
const input = doc.getElementById('q');
const lang = (form && form.dataset.lang) || doc.documentElement.lang;

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
  // The offline copy (or a newer build) is fetched in the background once per page view,
  // but only after this page has answered: on a slow link it would otherwise compete
  // with the citizen's first search (issue 13). So: after load, after the core a script
  // asked for, and when the browser is idle. The worker is registered only then too: its
  // install fetches its own script and the page renderer's glue, which a first visit's
  // answer need not wait for either (tests/node/national.test.mjs).
  const loaded = new Promise((resolve) => (doc.readyState === 'complete' ? resolve() : addEventListener('load', resolve, { once: true })));
  const idle = () => new Promise((resolve) => (globalThis.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 5000 }) : setTimeout(resolve, 1000)));
  (async () => {
    await loaded;
    await idle(); // a search typed as the page loaded has been asked by now
    await loading();
    await idle();
    await navigator.serviceWorker.register('/sw.js');
    const reg = await navigator.serviceWorker.ready;
    if (navigator.onLine) reg.active?.postMessage({ type: 'check-update' });
  })().catch(() => { /* no offline copy; the site works online as before */ });
}

// --- the core (core.js loads it once for every script of the page) ----------------------

// The open/closed line, the week's hours and the finder ask the core in a worker (core.js
// remote(), issue 13): starting the core there leaves this page's main thread free, and
// until it answers the build's text stands. A page of one build must not be answered
// from another build's database. Asked once the module's code has run, so that a
// script that loads the core here anyway (booking.js) is asked instead of a second copy.
let reading; // Promise<{catalogue, module}|null>
function loadRemote() {
  reading ??= new Promise((resolve) => queueMicrotask(resolve)).then(remote).then(async (r) => {
    const pageVersion = doc.querySelector('meta[name="pietura-content-version"]')?.content;
    if (pageVersion && (await r.catalogue('contentVersion')) !== pageVersion) showBanner('stale');
    return r;
  }).catch(() => null); // no worker or no core: the build's text stays
  return reading;
}

// Search answers come from the page language's search shard first (core.js searcher()):
// the whole snapshot is fetched only by a part of the page that needs it, or by the
// offline copy once the page has answered. It must be of this page's build, as the
// Catalogue must.
let searching; // Promise<SearchShard|Catalogue|null>
function loadSearch() {
  searching ??= searcher(lang).then((s) => {
    const pageVersion = doc.querySelector('meta[name="pietura-content-version"]')?.content;
    if (pageVersion && s.contentVersion() !== pageVersion) showBanner('stale');
    return s;
  }).catch(() => null); // no core: the plain form still submits to the A–Z page
  return searching;
}

// --- life situations: see core/site/components/step_by_step/step_by_step.js ------------------

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
    const reader = await loadRemote();
    if (!reader) return;
    for (const el of statusCells()) {
      const s = await reader.catalogue('openingStatus', el.dataset.id || el.dataset.openStatus, Date.now(), lang).catch(() => null);
      if (!s || !s.text || el.textContent === s.text) continue;
      el.textContent = s.text;
      el.dataset.state = s.state;
    }
  };
  show();
  setInterval(show, 60000);
}

// --- booking and rating forms load their own glue, only on the pages that have them ----------
const glue = [];
if (doc.querySelector('form.booking, #print-booking')) glue.push(import('./booking.js'));
if (doc.querySelector('form.rating-form')) glue.push(import('./rating.js'));
// Every page sends what the outbox holds as soon as the connection is back (issue 15). The
// outbox is asked for on its own, at once: it is small, and a page whose glue could not
// arrive (the connection dropped just after the page) must still send when it is back.
// The first sending waits for the glue, so that its answers go to the form's own handlers.
import('./outbox.js')
  .then((outbox) => Promise.allSettled(glue).then(() => outbox.flush()))
  .catch(() => {});
