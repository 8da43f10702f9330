// Issue 13: what an offline copy downloads when the site is rebuilt after one small
// change — the one way the end-to-end test (tests/node/offline-update.test.mjs) and the
// benchmark report (tools/bench.mjs) both count it, from the two builds' manifests.
//
// The copy holds every file of the manifest but the service worker itself, the editors'
// studio and the pages kept only when visited (`on_visit`: the page pack renders them).
// A file "changed" when its bytes differ; for a page, beyond the build's content version
// (the worker takes such a page from its copy with the version replaced). A changed file
// with a delta from the copy's bytes comes as that delta. On the wire a file costs its
// brotli copy when the build wrote one.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const manifestOf = (dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

export const wireBytes = (dir, path) => {
  try { return statSync(join(dir, path + '.br')).size; } catch { return statSync(join(dir, path)).size; }
};

export const offlineFiles = (m) =>
  m.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit);

// path → its first delta ({from, path, sha256, bytes}) for the large files that have one.
export const deltasOf = (m) => new Map([m.snapshot, ...Object.values(m.search_shards), m.pages_pack]
  .filter((e) => e && e.deltas).map((e) => [e.path, e.deltas[0]]));

// Before the rebuild: the copy's files, their bytes and what they cost on the wire.
export function snapshotCopy(dir) {
  const before = manifestOf(dir);
  const files = offlineFiles(before);
  return {
    before,
    bytes: new Map(files.map((f) => [f.path, readFileSync(join(dir, f.path))])),
    install: files.reduce((sum, f) => sum + wireBytes(dir, f.path), 0),
  };
}

// After the rebuild: which files changed, what the worker fetches for them, and the share.
export function updateAgainst(dir, copy) {
  const after = manifestOf(dir);
  const changed = offlineFiles(after).filter((f) => {
    const old = copy.bytes.get(f.path);
    if (!old) return true;
    const now = readFileSync(join(dir, f.path));
    if (f.path.endsWith('.html')) {
      return old.toString('utf8').split(copy.before.content_version).join(after.content_version) !== now.toString('utf8');
    }
    return !old.equals(now);
  }).map((f) => f.path);
  const deltas = deltasOf(after);
  const fetched = changed.map((p) => (deltas.has(p) ? deltas.get(p).path : p));
  const update = fetched.reduce((sum, p) => sum + wireBytes(dir, p), 0) + wireBytes(dir, 'manifest.json');
  return { after, changed, deltas, fetched, update, install: copy.install, share: update / copy.install };
}

export const describeUpdate = (u) =>
  `offline copy ${(u.install / 1024).toFixed(0)} KB on the wire (brotli); update after one service's text changed: ` +
  `${u.fetched.length} files (${u.fetched.filter((p) => p.endsWith('.delta')).length} deltas) + manifest.json, ` +
  `${(u.update / 1024).toFixed(0)} KB = ${(100 * u.share).toFixed(1)} % of it`;
