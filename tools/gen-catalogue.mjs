// Writes a large synthetic catalogue shaped like the national one after
// de-duplication (3,400 services by default), for the benchmark report: the real
// default content plus municipal variants of its services, so term statistics stay
// Latvian; with --contact-points N and --bus-stops N, also a network of contact
// points in libraries across the real places, and bus stops around them, shaped
// like the plan of one contact point per parish and the national GTFS export.
// Usage: node tools/gen-catalogue.mjs OUT_DIR [--services N (3400)] [--contact-points N (587)] [--bus-stops N (0)]
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2];
if (!out) { console.error('usage: node tools/gen-catalogue.mjs OUT_DIR [--services N]'); process.exit(2); }
const arg = (name, dflt) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : dflt;
};
const n = arg('--services', 3400);
const nPoints = arg('--contact-points', 587); // the planned network: one per parish
const nStops = arg('--bus-stops', 0);
const src = join(root, 'content');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const kind of readdirSync(src)) if (kind !== 'services') cpSync(join(src, kind), join(out, kind), { recursive: true });
mkdirSync(join(out, 'services'));

const read = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const services = read(join(src, 'services'));
const territories = read(join(src, 'territories'));

// Fixed-seed generators: the same catalogue every run, so figures compare. Services and
// places draw from separate ones, so rewording the services never moves a contact point
// A jittered point is kept inside the bounds content/schema allows for Latvia.
const generator = (seed) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let rand = generator(20261201);
const jitter = (deg) => (rand() - 0.5) * 2 * deg;
const pick = (list) => list[Math.floor(rand() * list.length)];
const some = (list, k) => list.filter(() => rand() < k / Math.max(1, list.length));
const lowerFirst = (t) => t.charAt(0).toLocaleLowerCase('lv') + t.slice(1);
const sentences = (text) => text.split(/\n\n/).flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter(Boolean);

// A municipality's own card for a national service is not a copy: real catalogues word
// the same service differently in every card (issue 13: repeated text flatters every
// engine's compressed size and ranking). So each variant gets its own title form, a
// summary and a body mixed from its service and from another one of the same
// institution, and a share of their keywords.
const titleForms = [
  (b, t) => [`${b.lv} (${t.lv})`, `${b.en} (${t.en})`],
  (b, t) => [`${t.lv}: ${lowerFirst(b.lv)}`, `${t.en}: ${lowerFirst(b.en)}`],
  (b, t) => [`Pašvaldības ${lowerFirst(b.lv)} — ${t.lv}`, `Municipal ${lowerFirst(b.en)} — ${t.en}`],
  (b, t) => [`${b.lv}, ${t.lv}`, `${b.en}, ${t.en}`],
];
const intros = [
  (t) => [`${t.lv} iedzīvotājiem.`, `For residents of ${t.en}.`],
  (t) => [`Pakalpojumu ${t.lv} sniedz pašvaldības klientu centrā.`, `In ${t.en} the service is provided at the municipal customer centre.`],
  (t) => [`Attiecas uz deklarētajiem ${t.lv} iedzīvotājiem.`, `Applies to people whose declared residence is in ${t.en}.`],
  () => ['', ''],
];
const byInstitution = Map.groupBy ? Map.groupBy(services, (s) => s.institution)
  : services.reduce((m, s) => m.set(s.institution, [...(m.get(s.institution) || []), s]), new Map());

// A municipality's own card is its own service: provided by that local government and
// accepted at the contact points in its territory, not at every centre in the country
// (a generated catalogue that offered each of 3,400 cards everywhere made every contact
// point page list about 470 services, 85 KB, and a national build write 99 MB of
// contact point pages). So each territory is an institution here, and each contact
// point accepts its own territory's applications.
const municipalInstitution = (t) => `pasvaldiba-${t.id}`;
// "Cēsu novads" → "Cēsu novada", "Rīga" → "Rīgas valstspilsētas", "Daugavpils" stays: the
// local government is named in the genitive.
const ofTerritory = (t) => (t.name.lv.endsWith(' novads') ? t.name.lv.replace(/novads$/, 'novada')
  : t.name.lv.replace(/a$/, 'as').replace(/e$/, 'es') + (t.kind === 'state-city' ? ' valstspilsētas' : ''));
for (const t of territories) {
  writeFileSync(join(out, 'institutions', municipalInstitution(t) + '.json'), JSON.stringify({
    id: municipalInstitution(t),
    abbr: { lv: t.name.lv, en: t.name.en },
    name: { lv: `${ofTerritory(t)} pašvaldība`, en: `Local government of ${t.name.en}` },
    office: { lv: `${ofTerritory(t)} pašvaldības klientu apkalpošanas centrā`, en: `the customer service centre of ${t.name.en}` },
    basket: false,
    keywords: { lv: [t.name.lv, 'pašvaldība'], en: [t.name.en, 'local government'] },
  }, null, 1));
}

function variant(base, t, id) {
  const donor = pick(byInstitution.get(base.institution).filter((s) => s !== base).concat(services).slice(0, 40));
  const v = structuredClone(base);
  v.id = id;
  v.institution = municipalInstitution(t);
  v.channels = { ...v.channels, contact_point: true, remote_consultation: false };
  v.contact_point_level = 1;
  const [tlv, ten] = pick(titleForms)(base.title, t.name);
  v.title = { lv: tlv, en: ten };
  const [ilv, ien] = pick(intros)(t.name);
  const body = (l, intro) => {
    const own = sentences(base.body[l]), other = sentences(donor.body[l]);
    const keep = own.filter((_, i) => i === 0 || rand() < 0.75);
    const borrowed = some(other.slice(1), 1.5);
    return [intro, ...keep, ...borrowed].filter(Boolean).join(' ');
  };
  v.body = { lv: body('lv', ilv), en: body('en', ien) };
  if (rand() < 0.4) v.summary = { lv: `${base.summary.lv} ${sentences(donor.summary.lv)[0] || ''}`.trim(), en: `${base.summary.en} ${sentences(donor.summary.en)[0] || ''}`.trim() };
  if (base.keywords) {
    v.keywords = {
      lv: [...some(base.keywords.lv || [], 3), ...some(donor.keywords?.lv || [], 1), t.name.lv],
      en: [...some(base.keywords.en || [], 3), ...some(donor.keywords?.en || [], 1), t.name.en],
    };
  }
  v.popularity = Math.max(0, base.popularity - 20 - Math.floor(rand() * 30));
  return v;
}

for (const s of services) writeFileSync(join(out, 'services', s.id + '.json'), JSON.stringify(s));
for (let k = 0; services.length + k < n; k++) {
  const base = services[k % services.length];
  const t = territories[Math.floor(k / services.length) % territories.length];
  const round = Math.floor(k / (services.length * territories.length));
  const id = `${base.id}-${t.id}${round ? '-' + round : ''}`;
  writeFileSync(join(out, 'services', id + '.json'), JSON.stringify(variant(base, t, id)));
}

rand = generator(20261123);
const bounds = JSON.parse(readFileSync(join(src, 'schema/common.schema.json'), 'utf8')).$defs;
const inside = (v, b) => Math.min(b.maximum, Math.max(b.minimum, v));
const lat = (v) => inside(v, bounds.latitude);
const lon = (v) => inside(v, bounds.longitude);
const places = readdirSync(join(src, 'places')).sort().flatMap((f) => JSON.parse(readFileSync(join(src, 'places', f), 'utf8')));
const realPoints = read(join(src, 'contact-points'));
// Every contact point also accepts its own local government's applications (above).
const withOwnMunicipality = (cp) => {
  if (cp.kind !== 'institution' && cp.territory) cp.institutions = [...(cp.institutions || []), `pasvaldiba-${cp.territory}`];
  return cp;
};
for (const cp of realPoints) writeFileSync(join(out, 'contact-points', cp.id + '.json'), JSON.stringify(withOwnMunicipality(cp), null, 1));
const hoursShapes = [
  'Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off',
  'Mo-Fr 09:00-18:00; PH off',
  'Mo,We 10:00-19:00; Tu,Th 09:00-17:00; Fr 09:00-15:00; PH off',
  'Mo-Fr 08:30-17:00; Sa 10:00-14:00; PH off',
  'Tu-Fr 10:00-18:00; Sa 10:00-15:00; PH off',
];
for (let k = realPoints.length; k < nPoints; k++) {
  const p = places[k % places.length];
  const cp = structuredClone(realPoints[k % realPoints.length]);
  cp.id = `biblioteka-gen-${k}`;
  cp.kind = 'library';
  cp.territory = p.territory;
  cp.name = { lv: `${p.name} bibliotēka ${k}`, en: `${p.name} library ${k}` };
  cp.address = { lv: `Bibliotēkas iela ${k}, ${p.name}`, en: `Bibliotēkas iela ${k}, ${p.name}` };
  cp.lat = +lat(p.lat + jitter(0.08)).toFixed(5);
  cp.lon = +lon(p.lon + jitter(0.14)).toFixed(5);
  cp.hours = hoursShapes[k % hoursShapes.length];
  cp.remote_consultation = ['vsaa', 'vid', 'vzd'].filter(() => rand() < 0.3);
  cp.accessibility = { step_free: rand() < 0.6 };
  cp.institutions = (cp.institutions || []).filter((i) => !i.startsWith('pasvaldiba-'));
  writeFileSync(join(out, 'contact-points', cp.id + '.json'), JSON.stringify(withOwnMunicipality(cp), null, 1));
}
if (nStops > 0) {
  const real = readFileSync(join(src, 'bus-stops/stops.txt'), 'utf8').trimEnd().split('\n');
  const lines = [...real];
  for (let k = real.length - 1; k < nStops; k++) {
    const p = places[k % places.length];
    lines.push(`${900000 + k},G${k},${p.name} ${k},${lat(p.lat + jitter(0.06)).toFixed(6)},${lon(p.lon + jitter(0.1)).toFixed(6)},0,0`);
  }
  writeFileSync(join(out, 'bus-stops/stops.txt'), lines.join('\n') + '\n');
}
console.log(`wrote ${Math.max(n, services.length)} services, ${Math.max(nPoints, realPoints.length)} contact points to ${out}`);
