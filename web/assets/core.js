// core.js — the one wasm loader. Every script of a page (app.js and the components
// appended to it, booking.js, rating.js) asks here, so a page downloads pietura.wasm
// and the snapshot at most once each, however many parts need the core.
//   core()      → the wasm module (validateBooking, maskComment, Catalogue)
//   catalogue() → one Catalogue over /catalogue.sqlite; rejects when either is missing
//   searcher(lang) → what answers a search in `lang` first (issue 13): the language's
//                 search shard (/search-lv.sqlite: the index and what a hit shows)
//                 instead of the whole snapshot, in the search-first module
//                 (pietura-search.wasm: the same core search without the rest of the
//                 core) unless the whole module is loading anyway; the same hits.
//                 The whole Catalogue when the shard cannot be had.
//   remote()    → the same Catalogue and module in a worker (core-worker.js, issue 13):
//                 {catalogue(method, ...args), module(method, ...args)}, each a Promise
//                 of the answer. For what only reads and shows (the open/closed line,
//                 the week's hours), so that starting the core never blocks the page's
//                 main thread. Rejects when there is no worker or no core: the page
//                 keeps what the build wrote. A page whose scripts already asked for the
//                 core here gets that one instead of a second copy.
//   track(p)    → p, counted as the page's own work in flight (a search the server
//                 answers before the core is here): the offline copy waits for it too
//   loading()   → settles when whatever of these a script asked for has arrived
//                 (at once when nothing was asked): the offline copy waits for it
let modulePromise;
let searchModulePromise;
let cataloguePromise;
const shardPromises = new Map();
const inFlight = new Set();

// Runs an Emscripten module's glue (a classic script defining `factory`) once. Its wasm
// is asked for together with the glue, not once the glue has run and asks for it: one
// round trip less before the core answers (150 ms on slow 4G, 300 ms on 3G). Rejects
// when either cannot be had, so that the callers' fallbacks run.
async function instantiate(script, factory) {
  const url = '/assets/' + script.replace(/\.js$/, '.wasm');
  const wasm = fetch(url, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(url + ' ' + r.status);
    return r;
  });
  wasm.catch(() => {}); // seen below, once the glue is here
  if (typeof globalThis[factory] !== 'function') {
    await new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement('script'),
      { src: '/assets/' + script, onload: resolve, onerror: reject })));
  }
  let failed;
  const failure = new Promise((_, reject) => { failed = reject; });
  const compile = (imports) => wasm.then((r) =>
    // Streaming compiles while it downloads, but only from a response typed as wasm.
    (/^application\/wasm\b/.test(r.headers.get('content-type') || '') && WebAssembly.instantiateStreaming
      ? WebAssembly.instantiateStreaming(r, imports)
      : r.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports))));
  const ready = globalThis[factory]({
    locateFile: (f) => '/assets/' + f,
    instantiateWasm(imports, receive) {
      compile(imports).then(({ instance, module }) => receive(instance, module), failed);
      return {}; // the exports arrive through receive()
    },
  });
  return Promise.race([ready, failure]);
}

export function core() {
  modulePromise ??= instantiate('pietura.js', 'createPietura');
  return modulePromise;
}

function searchCore() {
  if (modulePromise) return modulePromise; // already on its way: no second download
  searchModulePromise ??= instantiate('pietura-search.js', 'createPieturaSearch').catch(() => core());
  return searchModulePromise;
}

export function catalogue() {
  cataloguePromise ??= (async () => {
    // The snapshot download overlaps with loading the wasm.
    const snapshot = fetch('/catalogue.sqlite').then((r) => {
      if (!r.ok) throw new Error('snapshot ' + r.status);
      return r.arrayBuffer();
    });
    const M = await core();
    return new M.Catalogue(new Uint8Array(await snapshot));
  })();
  return cataloguePromise;
}

let remotePromise;
export function remote() {
  remotePromise ??= (async () => {
    if (cataloguePromise) {
      // The page loads the core itself anyway (the finder, booking): ask that one.
      const [M, cat] = await Promise.all([core(), cataloguePromise]);
      return { catalogue: async (method, ...args) => cat[method](...args), module: async (method, ...args) => M[method](...args) };
    }
    if (typeof Worker !== 'function') throw new Error('no worker');
    const worker = new Worker('/assets/core-worker.js');
    const waiting = new Map();
    let next = 0;
    const fail = (why) => {
      for (const { reject } of waiting.values()) reject(new Error(why));
      waiting.clear();
    };
    worker.onmessage = (e) => {
      const m = e.data || {};
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.resolve(m.value);
      else w.reject(new Error(m.error));
    };
    worker.onerror = () => fail('core worker failed');
    const ask = (target, method, args) => new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, target, method, args });
    });
    const api = { catalogue: (method, ...args) => ask('catalogue', method, args), module: (method, ...args) => ask('module', method, args) };
    await api.catalogue('contentVersion'); // opened, or the reason it could not be
    return api;
  })();
  return remotePromise;
}

export function searcher(lang) {
  if (!shardPromises.has(lang)) {
    shardPromises.set(lang, (async () => {
      const shard = fetch(`/search-${lang}.sqlite`).then((r) => {
        if (!r.ok) throw new Error('search shard ' + r.status);
        return r.arrayBuffer();
      });
      const [M, bytes] = await Promise.all([searchCore(), shard]);
      return new M.SearchShard(new Uint8Array(bytes), lang);
    })().catch(() => catalogue())); // a build without shards, or a damaged one: the whole snapshot answers
  }
  return shardPromises.get(lang);
}

export function track(promise) {
  inFlight.add(promise);
  promise.then(() => inFlight.delete(promise), () => inFlight.delete(promise));
  return promise;
}

// Settles once nothing of these is pending, including what was asked for while waiting
// (a search the server could not answer asks for the page's core as it ends).
export async function loading() {
  const pending = () => [modulePromise, searchModulePromise, cataloguePromise, remotePromise, ...shardPromises.values(), ...inFlight]
    .filter(Boolean);
  for (let seen = pending(); ; ) {
    await Promise.allSettled(seen);
    const now = pending();
    if (now.length === seen.length && now.every((p, i) => p === seen[i])) return;
    seen = now;
  }
}
