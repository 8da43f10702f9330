// sw.js — the offline copy of the portal. Every file of one build (pages, wasm,
// snapshot) is kept together in one cache named after the build's site_version from
// manifest.json, and every answer comes from the one cache marked active: a page
// never mixes old pages with a new database. A newer build is downloaded in the
// background, each file checked against its SHA-256, and only offered ("New
// information available — reload") when all of it arrived intact; a corrupt or
// truncated download is thrown away and the previous build keeps working. An update
// downloads only the files that changed (issue 13); the rest come from the active copy,
// and the snapshot, the shards and the page pack come as deltas from the copy's files
// when the build offers them (applied by the core in assets/pietura-pages.wasm).
// Nothing personal is ever cached: /api/ requests always go to the network, and so
// do the booking steps the server renders (they are never in a build, and this
// worker only ever stores the files a build's manifest lists).
//
// At a national catalogue every page would be 36 MB (issue 13), so the copy holds the
// shell, the wasm, the snapshot and its shards, the page pack (site-pack.jsonl: the
// checked content, the UI strings and the build's options) and the pages the citizen
// opened. A page the manifest marks `on_visit` is kept once it has been visited, if it
// is byte for byte the page the copy's pack renders (such pages carry no digest: every
// page holds the content version, so their digests would all change with any change and
// make most of an update); offline, one never visited is rendered from the pack by the
// core's own page renderer (assets/pietura-pages.wasm) — the same bytes the build wrote.
//
// A slow rural link is shared with the citizen's first search (issue 13): installing
// this worker downloads nothing but the renderer's small glue. The copy is made only when a page asks for it
// ("check-update", sent once the page has answered or is idle), and each file waits
// while the page has requests of its own in flight. The editors' studio is never
// copied: citizens do not use it offline, and it is a quarter of the bytes.

const META = 'pietura-meta';
const SITE = 'pietura-site-';
const ACTIVE_KEY = '/__pietura/active';
const STAGED_KEY = '/__pietura/staged';
const PARALLEL = 4;
const PACK = '/site-pack.jsonl';
const PAGES_WASM = '/assets/pietura-pages.wasm';

// The renderer's glue must be imported while the worker starts (a worker may not import
// scripts later). A build without it still has a working copy: the start page stands in
// for a page that was never visited, as before.
try {
  importScripts('/assets/pietura-pages.js');
} catch {
  // no renderer in this build
}
// Files of a build that a citizen's offline copy never holds.
const NOT_OFFLINE = (path) => path === 'sw.js' || path.startsWith('studio/');

// The page's own requests in flight; the background copy waits for them (see above).
let userRequests = 0;
let userIdle = null; // resolves when userRequests drops to 0
let wakeCopy = () => {};
function userRequestStarted() {
  if (userRequests++ === 0) userIdle = new Promise((resolve) => { wakeCopy = resolve; });
}
function userRequestEnded() {
  if (--userRequests === 0) wakeCopy();
}
async function yieldToUser() {
  while (userRequests > 0) await userIdle;
}
// The consultation's rating page carries a one-time token, and the feedback thank-you page
// the answer's id: both are the server's, never cached.
const SERVER_PAGES = /^\/(lv\/(konsultacija\/(laiks|dati|parbaude|apstiprinajums|izvele|novertet)|atsauksme\/paldies)|en\/(consultation\/(time|details|check|confirmation|choose|rate)|feedback\/thank-you))(\/|$)/;

const MIME = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8',
  json: 'application/json', webmanifest: 'application/manifest+json', wasm: 'application/wasm',
  sqlite: 'application/vnd.sqlite3', svg: 'image/svg+xml', png: 'image/png', xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8', ics: 'text/calendar; charset=utf-8', jsonl: 'application/x-ndjson',
};

// "lv/index.html" is asked for as "/lv/"; everything else by its own path.
const keyOf = (path) => '/' + path.replace(/(^|\/)index\.html$/, '$1');

async function getMeta(key) {
  const r = await (await caches.open(META)).match(key);
  return r ? r.text() : null;
}
async function setMeta(key, value) {
  const c = await caches.open(META);
  if (value === null) await c.delete(key);
  else await c.put(key, new Response(value));
}

async function sha256(buf) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchManifest() {
  const r = await fetch('/manifest.json', { cache: 'no-store' });
  if (!r.ok) throw new Error('manifest.json: HTTP ' + r.status);
  const m = await r.json();
  if (!m.site_version || !Array.isArray(m.files)) throw new Error('manifest.json is not a Pietura build manifest');
  return m;
}

// The active copy's files by path (with their digests) and its content version: an
// update takes from there whatever did not change instead of downloading it again.
async function previousCopy() {
  const active = await getMeta(ACTIVE_KEY);
  if (!active || !(await caches.has(SITE + active))) return null;
  const cache = await caches.open(SITE + active);
  const r = await cache.match('/manifest.json');
  if (!r) return null;
  try {
    const m = await r.json();
    // Only what the copy really holds: a page kept on visit is listed whether or not it was opened.
    const held = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
    const files = new Map(m.files.filter((f) => !f.on_visit && held.has(keyOf(f.path))).map((f) => [f.path, f.sha256]));
    const visited = m.files.filter((f) => f.on_visit && held.has(keyOf(f.path))).map((f) => keyOf(f.path));
    return { cache, version: m.content_version, files, visited };
  } catch {
    return null;
  }
}

// File `f` of the new build `m` from the previous copy, or null. A page carries the
// build's content version (its footer and a <meta> the page's core is checked against),
// so after one service's text changed nearly every page differs from the last build in
// that string only (issue 13): such a page is the previous copy's with the version
// replaced. Either way the result must match the new manifest's size and SHA-256, or
// it is downloaded after all.
async function fromPreviousCopy(prev, f, m) {
  if (!prev || !prev.files.has(f.path)) return null;
  const old = await prev.cache.match(keyOf(f.path));
  if (!old) return null;
  let buf = await old.arrayBuffer();
  if (prev.files.get(f.path) !== f.sha256) {
    if (!f.path.endsWith('.html') || !prev.version || !m.content_version || prev.version === m.content_version) return null;
    const text = new TextDecoder().decode(buf).split(prev.version).join(m.content_version);
    buf = new TextEncoder().encode(text).buffer;
  }
  if (buf.byteLength !== f.bytes || (await sha256(buf)) !== f.sha256) return null;
  return buf;
}

// Issue 13: the large files that change with any content (the snapshot, the search
// shards, the page pack) may come with deltas from a previous build's file, on their
// manifest entry (tools/pietura/deltas.hpp): by path.
function deltasOf(m) {
  const entries = [m.snapshot, ...Object.values(m.search_shards || {}), m.pages_pack];
  return new Map(entries.filter((e) => e && Array.isArray(e.deltas)).map((e) => [e.path, e.deltas]));
}

// The core's delta code (applyDelta in the page renderer's module, built from the wasm
// the active copy holds), made once per download and only when a delta is there to
// apply; null when this build or the copy has none.
function deltaApplier(prev) {
  let made = null;
  return () => made ||= (async () => {
    if (typeof createPieturaPages !== 'function') return null;
    const wasm = await prev.cache.match(PAGES_WASM);
    if (!wasm) return null;
    const M = await createPieturaPages({ wasmBinary: new Uint8Array(await wasm.arrayBuffer()) });
    return typeof M.applyDelta === 'function' ? M : null;
  })().catch(() => null);
}

// File `f` as the active copy's with the manifest's delta from it applied, or null. The
// result is checked against the new manifest's size and SHA-256 like a download; any
// failure (no delta from the file held, the fetch, a delta the core refuses, a wrong
// digest, no module) leaves the whole file to be downloaded: never a wrong file.
async function fromDelta(prev, f, deltas, applier) {
  const held = prev && prev.files.get(f.path);
  const d = held && (deltas.get(f.path) || []).find((x) => x.from === held);
  if (!d) return null;
  try {
    const M = await applier();
    const old = M && (await prev.cache.match(keyOf(f.path)));
    if (!old) return null;
    const r = await fetch('/' + d.path, { cache: 'no-store' });
    if (!r.ok) return null;
    const next = M.applyDelta(new Uint8Array(await old.arrayBuffer()), new Uint8Array(await r.arrayBuffer()));
    if (next.byteLength !== f.bytes || (await sha256(next)) !== f.sha256) return null;
    return next.buffer;
  } catch {
    return null;
  }
}

// Downloads a whole build into its own cache, taking unchanged files from the active
// copy, and changed large files as deltas from it where the build offers them. Throws, leaving no trace, when any file is missing or does not match its digest.
async function download(m) {
  const name = SITE + m.site_version;
  await caches.delete(name); // an earlier, interrupted attempt
  const prev = await previousCopy();
  const cache = await caches.open(name);
  const deltas = deltasOf(m);
  const applier = prev && deltaApplier(prev);
  try {
    // A page kept on visit is never downloaded for the copy (see carryVisited).
    const files = m.files.filter((f) => !NOT_OFFLINE(f.path) && !f.on_visit);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        await yieldToUser();
        if (next >= files.length) break;
        const f = files[next++];
        let buf = await fromPreviousCopy(prev, f, m);
        if (!buf) buf = await fromDelta(prev, f, deltas, applier);
        if (!buf) {
          const r = await fetch('/' + f.path, { cache: 'no-store' });
          if (!r.ok) throw new Error(`${f.path}: HTTP ${r.status}`);
          buf = await r.arrayBuffer();
          if (buf.byteLength !== f.bytes || (await sha256(buf)) !== f.sha256)
            throw new Error(`${f.path} is damaged (${buf.byteLength} of ${f.bytes} bytes, or a wrong digest)`);
        }
        const ext = f.path.slice(f.path.lastIndexOf('.') + 1);
        await cache.put(keyOf(f.path), new Response(buf, {
          headers: { 'Content-Type': MIME[ext] || 'application/octet-stream', 'X-Pietura-Version': m.site_version },
        }));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (prev) await carryVisited(cache, m, prev.visited);
    await cache.put('/manifest.json', new Response(JSON.stringify(m), { headers: { 'Content-Type': MIME.json } }));
  } catch (e) {
    await caches.delete(name);
    throw e;
  }
  return m.site_version;
}

// The pages the citizen visited stay in the new copy as its own pack renders them: byte
// for byte the new build's page, changed or not. A page the new build no longer has is
// left behind; without a renderer they are all left to be kept again on the next visit.
async function carryVisited(cache, m, keys) {
  if (!keys.length) return;
  const pages = await openRenderer(cache);
  if (!pages) return;
  try {
    for (const key of keys) {
      const html = pages.render(key);
      if (html) await cache.put(key, pageResponse(html, m.site_version));
    }
  } finally {
    pages.delete();
  }
}

async function tell(message) {
  for (const c of await self.clients.matchAll({ includeUncontrolled: true })) c.postMessage(message);
}

async function dropOtherSites(keep) {
  for (const k of await caches.keys()) if (k.startsWith(SITE) && !keep.includes(k.slice(SITE.length))) await caches.delete(k);
}

// Installing downloads nothing (see the top): the first copy is made by the first
// "check-update" a page sends.
self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const active = await getMeta(ACTIVE_KEY);
    const staged = await getMeta(STAGED_KEY);
    await dropOtherSites([active, staged].filter(Boolean));
    await self.clients.claim();
    await tell({ type: 'ready', version: active });
  })());
});

let checking = null;
async function checkForUpdate() {
  const active = await getMeta(ACTIVE_KEY);
  let m;
  try {
    m = await fetchManifest();
  } catch {
    return; // offline: nothing to say
  }
  if (m.site_version === active) return;
  if (!active) {
    // The first offline copy: nothing to offer a reload for, it simply starts working.
    try {
      await setMeta(ACTIVE_KEY, await download(m));
      await tell({ type: 'ready', version: m.site_version });
    } catch {
      // Tried again on the next page view; the site keeps working online.
    }
    return;
  }
  if (m.site_version === (await getMeta(STAGED_KEY))) {
    await tell({ type: 'update-ready', version: m.site_version });
    return;
  }
  try {
    await setMeta(STAGED_KEY, await download(m));
    await tell({ type: 'update-ready', version: m.site_version });
  } catch (e) {
    await tell({ type: 'update-failed', reason: String(e.message || e) });
  }
}

async function applyUpdate() {
  const staged = await getMeta(STAGED_KEY);
  if (!staged || !(await caches.has(SITE + staged))) return;
  await setMeta(ACTIVE_KEY, staged);
  await setMeta(STAGED_KEY, null);
  await dropOtherSites([staged]);
  await tell({ type: 'updated', version: staged });
}

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'check-update') event.waitUntil(checking ||= checkForUpdate().finally(() => { checking = null; }));
  else if (type === 'apply-update') event.waitUntil(applyUpdate());
  else if (type === 'version') event.waitUntil(getMeta(ACTIVE_KEY).then((v) => event.source.postMessage({ type: 'version', version: v })));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // A search the server answers until the page's core has arrived (issue 13) goes
  // straight to the network too, never into a cache; it is passed through only so the
  // background copy counts it as the citizen's own request and waits for it.
  if (url.pathname === '/api/search' || url.pathname === '/api/search/results') {
    userRequestStarted();
    event.respondWith(fetch(req, { cache: 'no-store' }).finally(userRequestEnded));
    return;
  }
  if (url.pathname.startsWith('/api/') || url.pathname === '/sw.js' || url.pathname === '/manifest.json') return;
  // The server's booking steps (time, details, confirmation, cancel, .ics) hold personal
  // data: straight to the network, never through this worker (issue 12).
  if (SERVER_PAGES.test(url.pathname)) return;
  userRequestStarted();
  // The worker stays alive until a visited page is kept (waitUntil), not only until it is answered.
  event.respondWith(answer(req, url, (keeping) => event.waitUntil(keeping)).finally(userRequestEnded));
});

// Answers from the active offline copy, else from the network; a page of the build that
// arrives from the network is kept, and one that cannot arrive is rendered from the pack.
async function answer(req, url, waitUntil) {
  const active = await getMeta(ACTIVE_KEY);
  const cache = active ? await caches.open(SITE + active) : null;
  let key = url.pathname;
  if (!key.endsWith('/') && !key.includes('.', key.lastIndexOf('/'))) key += '/';
  if (cache) {
    const hit = await cache.match(key);
    if (hit) return hit;
  }
  let r;
  try {
    r = await fetch(req);
  } catch (e) {
    if (req.mode === 'navigate' && cache) {
      const page = await rendered(cache, active, key);
      if (page) return page;
      // Offline and not renderable: the start page says what still works.
      const home = await cache.match(url.pathname.startsWith('/en/') ? '/en/' : '/lv/');
      if (home) return home;
    }
    throw e;
  }
  if (cache && r.ok && req.mode === 'navigate') waitUntil(keepVisited(cache, key, r.clone()));
  return r;
}

// The active copy's manifest entries of pages kept on visit, by their key ("/lv/x/").
let visitable = { version: null, byKey: null };
async function onVisitEntry(cache, active, key) {
  if (visitable.version !== active) {
    const r = await cache.match('/manifest.json');
    const m = r ? await r.json() : { files: [] };
    visitable = { version: active, byKey: new Map(m.files.filter((f) => f.on_visit).map((f) => [keyOf(f.path), f])) };
  }
  return visitable.byKey.get(key) || null;
}

// A visited page joins the copy only if it is this copy's build's page, byte for byte —
// what the copy's pack renders: a server already on a newer build must not mix its
// pages into the old copy.
async function keepVisited(cache, key, response) {
  try {
    const active = await getMeta(ACTIVE_KEY);
    if (!(await onVisitEntry(cache, active, key))) return;
    const html = await response.text();
    const pages = await activeRenderer(cache, active);
    if (!pages || pages.render(key) !== html) return;
    await cache.put(key, pageResponse(html, active));
  } catch {
    // not kept: it is rendered from the pack when asked for offline
  }
}

const pageResponse = (html, version, extra = {}) =>
  new Response(html, { headers: { 'Content-Type': MIME.html, 'X-Pietura-Version': version, ...extra } });

// A page renderer over a copy's own pack and pages module (null without them): the
// caller deletes it.
async function openRenderer(cache) {
  if (typeof createPieturaPages !== 'function') return null;
  try {
    const [wasm, pack] = await Promise.all([cache.match(PAGES_WASM), cache.match(PACK)]);
    if (!wasm || !pack) return null;
    const M = await createPieturaPages({ wasmBinary: new Uint8Array(await wasm.arrayBuffer()) });
    return new M.SitePages(new Uint8Array(await pack.arrayBuffer()));
  } catch {
    return null;
  }
}

// The active copy's page renderer, made once per copy while this worker runs (a
// promise, so that two pages asking at once share one).
let renderer = { version: null, pages: null };
function activeRenderer(cache, active) {
  if (renderer.version !== active) {
    const old = renderer.pages;
    renderer = { version: active, pages: openRenderer(cache) };
    if (old) old.then((pages) => pages && pages.delete());
  }
  return renderer.pages;
}

async function rendered(cache, active, key) {
  if (!(await onVisitEntry(cache, active, key))) return null;
  try {
    const pages = await activeRenderer(cache, active);
    const html = pages && pages.render(key);
    if (!html) return null;
    return pageResponse(html, active, { 'X-Pietura-Rendered': 'offline' });
  } catch {
    return null;  // a renderer that fails leaves the start page to stand in, as before
  }
}
