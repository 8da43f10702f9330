// Issue 12: what a misbehaving client sends to the booking and rating API — a full
// disk, broken UTF-8, numbers that would overflow, header injection, an idempotent
// retry — against the real `pietura serve`. Statuses and bodies are asserted, and the
// server must keep answering afterwards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, startServer } from './helpers.mjs';

const servers = [];
after(() => { for (const s of servers) s.proc.kill('SIGKILL'); });

async function serve(extra = []) {
  const data = mkdtempSync(join(tmpdir(), 'pietura-data-'));
  const s = await startServer(dist, ['--data', data, '--rate-limit', '0', ...extra]);
  let log = '';
  s.proc.stderr.on('data', (d) => { log += d; });
  servers.push(s);
  return { ...s, data, log: () => log };
}

const json = (base, path, body, headers = {}) => fetch(base + path, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});
const form = (base, path, body) => fetch(base + path, {
  method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
});

async function firstFreeSlot(base, institution = 'vsaa', contactPoint = 'vpvkac-cesis') {
  const res = await fetch(`${base}/api/slots?institution=${institution}&contact_point=${contactPoint}&days=60`);
  assert.equal(res.status, 200);
  const slot = (await res.json()).slots.find((s) => s.free > 0);
  assert.ok(slot, 'a free slot in the next 60 days');
  return slot;
}

test('issue 12: a full data store answers 503 with a clear message, is logged, and reads go on', async () => {
  const s = await serve(['--data-max-mb', '1']);
  const comment = 'Ļoti labi, paldies. '.repeat(24); // ~480 characters, no personal data
  let status = 0, body = null, n = 0;
  for (; n < 5000; n++) {
    const res = await json(s.url, '/api/ratings', { about: 'service', target: 'vsaa-slimibas-pabalsts', score: 5, comment, lang: 'lv' });
    status = res.status;
    body = await res.json();
    if (status !== 201) break;
  }
  assert.equal(status, 503, `after ${n} ratings the store is full`);
  assert.match(body.error, /disk full|cannot write/);
  assert.ok(n > 100, 'many ratings fitted before the cap');
  assert.match(s.log(), /full|space/i, 'the operator sees it in the log');
  assert.doesNotMatch(s.log(), /Ļoti labi/, 'the log holds no submitted text');
  // Reads keep working.
  const summary = await fetch(s.url + '/api/ratings/summary');
  assert.equal(summary.status, 200);
  assert.equal((await summary.json()).service['vsaa-slimibas-pabalsts'].count, n);
  assert.equal((await fetch(s.url + '/lv/')).status, 200);
});

test('issue 12: invalid UTF-8, invisible names and bidi overrides are field errors shown on the step, never a 500', async () => {
  const s = await serve();
  const slot = await firstFreeSlot(s.url);
  const base = `institution=vsaa&topic=slimiba&contact_point=vpvkac-cesis&start=${slot.start_unix}&phone=29123456&lang=lv`;
  // Each is refused for its own reason: the details step comes back with that message.
  const cases = {
    'overlong C0 AF in the name': [`${base}&name=Anna%C0%AF`, /bojātas rakstzīmes/],
    'a surrogate in the e-mail': [`${base}&name=Anna&email=a%ED%A0%80@x.lv`, /bojātas rakstzīmes/],
    'a name of zero-width spaces only': [`${base}&name=%E2%80%8B%E2%80%8B`, /tikai neredzamas rakstzīmes/],
    'a right-to-left override in the name': [`${base}&name=Anna%E2%80%AEsnikreb`, /maina teksta virzienu/],
  };
  for (const [what, [body, message]] of Object.entries(cases)) {
    const res = await form(s.url, '/api/bookings', body);
    assert.equal(res.status, 303, what);
    const location = res.headers.get('location');
    assert.match(location, /\/lv\/konsultacija\/dati\//, `${what}: back to the details step, not ${location}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const page = await fetch(new URL(location, s.url), { headers: { cookie } });
    assert.equal(page.status, 200, what);
    assert.match(await page.text(), message, what);
  }
  // The JSON API names the field and the reason.
  const res = await json(s.url, '/api/bookings', {
    institution: 'vsaa', topic: 'slimiba', contact_point: 'vpvkac-cesis', start: slot.start_unix,
    name: '\u200b\u200b', phone: '29123456', lang: 'en', note: 'my code 010190–12345',
  });
  assert.equal(res.status, 400);
  const problem = await res.json();
  assert.equal(problem.fields.name.code, 'invisible');
  assert.equal(problem.fields.note.code, 'personal_code');
});

test('issue 12: numbers that would overflow are refused, not undefined behaviour', async () => {
  const s = await serve();
  for (const start of [9223372036854775807, -9223372036854775808, 1e300]) {
    const res = await json(s.url, '/api/bookings', {
      institution: 'vsaa', topic: 'slimiba', contact_point: 'vpvkac-cesis', start, name: 'Anna', phone: '29123456', lang: 'lv',
    });
    assert.equal(res.status, 400, `start ${start}`);
    assert.equal((await res.json()).fields.start.code !== undefined, true);
  }
  for (const start of ['1e300', '9223372036854775807', '-1', 'NaN']) {
    const res = await fetch(`${s.url}/lv/konsultacija/dati/?choice=vsaa:slimiba&contact_point=vpvkac-cesis&start=${start}`, { redirect: 'manual' });
    assert.ok(res.status < 500, `details step with start=${start}: ${res.status}`);
  }
  assert.equal((await fetch(s.url + '/api/ratings/summary')).status, 200, 'still serving');
});

test('issue 12: the rating back= address cannot put a control character or another site into Location', async () => {
  const s = await serve();
  // Issue 15: a form post ends on the thank-you page, which links back only to a path of this site.
  for (const back of ['/lv/\r\nSet-Cookie: x=1', '/lv/\u0000', '//evil.example/', '/\\evil.example', 'https://evil.example/', '/lv/\u0085x']) {
    const res = await form(s.url, '/api/ratings',
      new URLSearchParams({ about: 'service', target: 'vsaa-slimibas-pabalsts', used: 'yes', score: '4', lang: 'lv', back }).toString());
    assert.equal(res.status, 303, JSON.stringify(back));
    const location = res.headers.get('location');
    assert.equal(location, '/lv/atsauksme/paldies/?what=rating', `${JSON.stringify(back)} → ${location}`);
    assert.equal(res.headers.get('set-cookie'), null);
  }
  const ok = await form(s.url, '/api/ratings',
    new URLSearchParams({ about: 'service', target: 'vsaa-slimibas-pabalsts', used: 'yes', score: '4', lang: 'lv', back: '/lv/pakalpojumi/vsaa-slimibas-pabalsts/' }).toString());
  assert.equal(ok.headers.get('location'), '/lv/atsauksme/paldies/?what=rating&page=/lv/pakalpojumi/vsaa-slimibas-pabalsts/');
});

test('issue 12: an idempotent retry gets the stored answer even when the slot is no longer free', async () => {
  const s = await serve();
  const slot = await firstFreeSlot(s.url);
  const request = { institution: 'vsaa', topic: 'slimiba', contact_point: 'vpvkac-cesis', start: slot.start_unix, name: 'Anna', phone: '29123456', lang: 'lv' };
  const first = await json(s.url, '/api/bookings', request, { 'Idempotency-Key': 'retry-key-0001' });
  assert.equal(first.status, 201);
  const booked = await first.json();
  // Fill the remaining seats of the slot with other people.
  for (let i = 0; i < slot.free; i++) await json(s.url, '/api/bookings', { ...request, name: `Other ${i}` });
  const retry = await json(s.url, '/api/bookings', request, { 'Idempotency-Key': 'retry-key-0001' });
  assert.equal(retry.status, 201);
  assert.equal((await retry.json()).reference, booked.reference);
});

test('issue 12: the .ics carries no injected line from any booking field', async () => {
  const s = await serve();
  const slot = await firstFreeSlot(s.url);
  const res = await json(s.url, '/api/bookings', {
    institution: 'vsaa', topic: 'slimiba', contact_point: 'vpvkac-cesis', start: slot.start_unix,
    name: 'Anna', phone: '29123456', lang: 'lv', note: 'a\r\nATTENDEE:mailto:x@evil.example\r\nb', accessibility: 'x\nURL:https://evil.example',
  });
  assert.equal(res.status, 201, 'line breaks are allowed in a note');
  const b = await res.json();
  const ics = await (await fetch(`${s.url}/api/bookings/${b.reference}/ics?token=${b.token}`)).text();
  for (const line of ics.split('\r\n')) assert.doesNotMatch(line, /^(ATTENDEE|URL:https:\/\/evil)/, line);
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF inside the file');
});
