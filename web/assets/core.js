// core.js — the one wasm loader. Every script of a page (app.js and the components
// appended to it, booking.js, rating.js) asks here, so a page downloads pietura.wasm
// and the snapshot at most once each, however many parts need the core.
//   core()      → the wasm module (validateBooking, maskComment, Catalogue)
//   catalogue() → one Catalogue over /catalogue.sqlite; rejects when either is missing
//   loading()   → settles when whatever of the two a script asked for has arrived
//                 (at once when nothing was asked): the offline copy waits for it
let modulePromise;
let cataloguePromise;

export function core() {
  modulePromise ??= (async () => {
    if (typeof globalThis.createPietura !== 'function') {
      await new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement('script'),
        { src: '/assets/pietura.js', onload: resolve, onerror: reject })));
    }
    return globalThis.createPietura({ locateFile: (f) => '/assets/' + f });
  })();
  return modulePromise;
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

export function loading() {
  return Promise.allSettled([modulePromise, cataloguePromise]);
}
