// core.js — the wasm core, loaded once when a page first needs it (booking, rating).
let modulePromise;
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
