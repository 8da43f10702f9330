// core-worker.js — the wasm core and the snapshot off the page's main thread (issue 13).
// Compiling pietura.wasm, copying /catalogue.sqlite into it and checking it took the
// main thread of a contact-point page for over a second on a slow phone (Lighthouse's
// Total Blocking Time 1.2–1.8 s) only to refresh the open/closed line the build had
// already written. Here that work runs in a dedicated worker, and core.js remote()
// asks it what the Catalogue (or the module) answers: the same core functions, only
// their answers cross over (structured clone). No logic of its own.
//
// Messages in:  {id, target: 'catalogue' | 'module', method, args}
// Messages out: {id, ok: true, value} | {id, ok: false, error}
'use strict';

let opened; // Promise<{M, cat}>, started by the first message

function open() {
  opened ??= (async () => {
    // The snapshot download overlaps with loading the wasm, as in core.js catalogue().
    const snapshot = fetch('/catalogue.sqlite').then((r) => {
      if (!r.ok) throw new Error('snapshot ' + r.status);
      return r.arrayBuffer();
    });
    importScripts('/assets/pietura.js');
    const M = await self.createPietura({ locateFile: (f) => '/assets/' + f });
    return { M, cat: new M.Catalogue(new Uint8Array(await snapshot)) };
  })();
  return opened;
}

self.onmessage = async (e) => {
  const { id, target, method, args } = e.data || {};
  try {
    const { M, cat } = await open();
    const object = target === 'module' ? M : cat;
    if (typeof method !== 'string' || typeof object[method] !== 'function') throw new Error('no such function: ' + method);
    self.postMessage({ id, ok: true, value: object[method](...(Array.isArray(args) ? args : [])) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String((err && err.message) || err) });
  }
};
