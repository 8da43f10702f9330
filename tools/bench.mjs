// Benchmark report printed by the test command: sizes that decide how fast the
// portal first loads on a slow connection, measured against a peer in the same run.
// Figures are reported, never asserted: a shared machine makes timings noisy.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
function sizes(file) {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gz(buf) };
}
function row(label, s, peer) {
  let line = `  ${label.padEnd(34)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`;
  if (peer) line += `   ×${(s.gzip / peer.gzip).toFixed(2)} of peer gzip`;
  console.log(line);
}

const peerWasm = sizes(join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'));
const peerJs = sizes(join(root, 'node_modules/sql.js/dist/sql-wasm.js'));
console.log('  size (peer: sql.js 1.16.0, SQLite alone compiled to wasm by its maintainers)');
if (existsSync(join(dist, 'assets/pietura.wasm'))) {
  row('pietura.wasm (SQLite + core)', sizes(join(dist, 'assets/pietura.wasm')), peerWasm);
  row('pietura.js (glue)', sizes(join(dist, 'assets/pietura.js')), peerJs);
} else {
  console.log('  pietura.wasm: not built');
}
row('peer sql-wasm.wasm', peerWasm);
row('peer sql-wasm.js', peerJs);
row('catalogue.sqlite (snapshot)', sizes(join(dist, 'catalogue.sqlite')));

let pages = 0, pageBytes = 0, pageGz = 0;
(function walk(dir) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.html')) { const b = readFileSync(p); pages++; pageBytes += b.length; pageGz += gz(b); }
  }
})(dist);
console.log(`  pages: ${pages}, ${kb(pageBytes)} raw, ${kb(pageGz)} gzip, ${kb(pageGz / Math.max(pages, 1))} gzip per page`);
const home = sizes(join(dist, 'lv/index.html'));
const css = sizes(join(dist, 'assets/pietura.css'));
const app = existsSync(join(dist, 'assets/app.js')) ? sizes(join(dist, 'assets/app.js')) : { raw: 0, gzip: 0 };
console.log(`  first view without search (home + css + app.js): ${kb(home.gzip + css.gzip + app.gzip)} gzip`);
