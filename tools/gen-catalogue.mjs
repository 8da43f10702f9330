// Writes a large synthetic catalogue shaped like the national one after
// de-duplication (3,400 services by default), for the benchmark report: the real
// default content plus municipal variants of its services, so term statistics stay
// Latvian. Usage: node tools/gen-catalogue.mjs OUT_DIR [--services N]
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
console.log(`wrote ${Math.max(n, services.length)} services to ${out}`);
