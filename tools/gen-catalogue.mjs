// Writes a large synthetic catalogue shaped like the national one after
// de-duplication (3,400 services by default), for the benchmark report: the real
// default content plus municipal variants of its services, so term statistics stay
// Latvian. Usage: node tools/gen-catalogue.mjs OUT_DIR [--services N] [--contact-points N]
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2];
if (!out) { console.error('usage: node tools/gen-catalogue.mjs OUT_DIR [--services N]'); process.exit(2); }
const n = Number(process.argv[process.argv.indexOf('--services') + 1]) || 3400;
const src = join(root, 'content');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const kind of readdirSync(src)) if (kind !== 'services') cpSync(join(src, kind), join(out, kind), { recursive: true });
mkdirSync(join(out, 'services'));

const read = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const services = read(join(src, 'services'));
const territories = read(join(src, 'territories'));
for (const s of services) writeFileSync(join(out, 'services', s.id + '.json'), JSON.stringify(s));
for (let k = 0; services.length + k < n; k++) {
  const base = services[k % services.length];
  const t = territories[Math.floor(k / services.length) % territories.length];
  const round = Math.floor(k / (services.length * territories.length));
  const id = `${base.id}-${t.id}${round ? '-' + round : ''}`;
  const v = structuredClone(base);
  v.id = id;
  v.title = { lv: `${base.title.lv} (${t.name.lv})`, en: `${base.title.en} (${t.name.en})` };
  v.body = { lv: `${t.name.lv}: ${base.body.lv}`, en: `${t.name.en}: ${base.body.en}` };
  v.popularity = Math.max(0, base.popularity - 20);
  writeFileSync(join(out, 'services', id + '.json'), JSON.stringify(v));
}
// --contact-points N: library contact points added at the gazetteer's settlements
// (a few hundred metres apart where one place gets several), until there are N.
const nCp = process.argv.includes('--contact-points') ? Number(process.argv[process.argv.indexOf('--contact-points') + 1]) : 0;
const cps = read(join(src, 'contact-points'));
const places = read(join(src, 'places')).flat();
for (let k = 0; cps.length + k < nCp; k++) {
  const base = cps[k % cps.length];
  const p = places[k % places.length];
  const round = Math.floor(k / places.length);
  const v = structuredClone(base);
  v.id = `kp-${p.id}${round ? '-' + round : ''}`;
  v.kind = 'library';
  v.territory = p.territory;
  v.name = { lv: `${p.name} bibliotēka${round ? ' ' + (round + 1) : ''}`, en: `${p.name} library${round ? ' ' + (round + 1) : ''}` };
  v.lat = Math.round((p.lat + 0.003 * round) * 1e5) / 1e5;
  v.lon = Math.round((p.lon + 0.004 * round) * 1e5) / 1e5;
  writeFileSync(join(out, 'contact-points', v.id + '.json'), JSON.stringify(v));
}
console.log(`wrote ${Math.max(n, services.length)} services, ${Math.max(nCp, cps.length)} contact points to ${out}`);
