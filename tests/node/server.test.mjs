// Issue 5: the reference server's booking API against the real `pietura serve`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dist, root, startServer } from './helpers.mjs';

const servers = [];
after(() => { for (const s of servers) s.proc.kill('SIGKILL'); });

async function serve(data = mkdtempSync(join(tmpdir(), 'pietura-data-')), extra = ['--rate-limit', '0']) {
  const s = await startServer(dist, ['--data', data, ...extra]);
  servers.push(s);
  return { ...s, data };
}

const post = (base, path, body, headers = {}) => fetch(base + path, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function slots(base, institution, contactPoint, days = 30) {
  const res = await fetch(`${base}/api/slots?institution=${institution}&contact_point=${contactPoint}&days=${days}`);
  assert.equal(res.status, 200);
  return (await res.json()).slots;
}

const person = { name: 'Anna Bērziņa', phone: '+371 29 123 456', lang: 'lv', note: 'Par EDS' };

test('book, read, download the calendar file and cancel with the token', async () => {
  const { url } = await serve();
  const [slot] = await slots(url, 'vid', 'vpvkac-cesis');
  const req = { institution: 'vid', topic: 'eds', contact_point: 'vpvkac-cesis', start: slot.start, ...person };
  const res = await post(url, '/api/bookings', req);
  assert.equal(res.status, 201);
  const b = await res.json();
  assert.match(b.reference, /^PT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(b.start_unix, slot.start_unix);
  // The seat is gone for everyone (VID has one seat per slot).
  assert.equal((await slots(url, 'vid', 'vpvkac-cesis')).some((s) => s.start_unix === slot.start_unix), false);
  assert.equal((await fetch(`${url}/api/bookings/${b.reference}?token=${b.token}`)).status, 200);
  assert.equal((await fetch(`${url}/api/bookings/${b.reference}?token=wrong`)).status, 404);
  const ics = await fetch(url + b.ics_url);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  const text = await ics.text();
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /UID:PT-/);
  assert.equal((await post(url, b.cancel_url, { token: 'nope' })).status, 404);
  assert.equal((await post(url, b.cancel_url, {})).status, 400);
  const cancel = await post(url, b.cancel_url, { token: b.token });
  assert.equal(cancel.status, 200);
  assert.ok((await slots(url, 'vid', 'vpvkac-cesis')).some((s) => s.start_unix === slot.start_unix), 'seat free again');
});

test('the same idempotency key twice gives the same answer and one booking', async () => {
  const { url, data } = await serve();
  const [slot] = await slots(url, 'vsaa', 'vpvkac-cesis');
  const req = { institution: 'vsaa', topic: 'pensijas', contact_point: 'vpvkac-cesis', start: slot.start_unix, ...person };
  const key = { 'idempotency-key': 'outbox-1234-abcd' };
  const a = await post(url, '/api/bookings', req, key);
  const b = await post(url, '/api/bookings', req, key);
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.deepEqual(await a.json(), await b.json());
  const other = await post(url, '/api/bookings', { ...req, name: 'Cits' }, key);
  assert.equal(other.status, 422);
  const csv = execFileSync(cli, ['export', 'bookings', '--format', 'csv', '--data', data], { encoding: 'utf8' });
  assert.equal(csv.trim().split('\r\n').length, 2, 'header and exactly one booking');
  assert.match(csv, /\+37129123456/);
});

test('100 concurrent requests for one seat: exactly one 201', async () => {
  const { url } = await serve();
  const [slot] = await slots(url, 'vzd', 'vpvkac-cesis');
  const reqs = Array.from({ length: 100 }, (_, i) => post(url, '/api/bookings',
    { institution: 'vzd', topic: 'kadastrs', contact_point: 'vpvkac-cesis', start: slot.start_unix, ...person, name: `P${i}` },
    { 'idempotency-key': `concurrent-${i}-key` }));
  const statuses = (await Promise.all(reqs)).map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1);
  assert.equal(statuses.filter((s) => s === 409).length, 99);
});

test('kill -9 right after a 201: the booking is there after a restart', async () => {
  const first = await serve();
  const [slot] = await slots(first.url, 'vid', 'vpvkac-valmiera');
  const res = await post(first.url, '/api/bookings',
    { institution: 'vid', topic: 'gada-deklaracija', contact_point: 'vpvkac-valmiera', start: slot.start_unix, ...person });
  assert.equal(res.status, 201);
  const b = await res.json();
  const exited = new Promise((r) => first.proc.once('exit', r));
  first.proc.kill('SIGKILL');
  await exited;
  const second = await serve(first.data);
  const again = await fetch(`${second.url}/api/bookings/${b.reference}?token=${b.token}`);
  assert.equal(again.status, 200);
  assert.equal((await again.json()).status, 'booked');
  const retry = await post(second.url, '/api/bookings',
    { institution: 'vid', topic: 'gada-deklaracija', contact_point: 'vpvkac-valmiera', start: slot.start_unix, ...person, name: 'Cits' });
  assert.equal(retry.status, 409, 'the seat stays taken');
});

test('bad requests get a 4xx JSON error and the server keeps serving', async () => {
  const { url } = await serve();
  const cases = [
    ['malformed JSON', () => post(url, '/api/bookings', '{"name": '), 400],
    ['not an object', () => post(url, '/api/bookings', '[1,2]'), 400],
    ['wrong types', () => post(url, '/api/bookings', { name: 5, start: [1], phone: {}, lang: true }), 400],
    ['huge body', () => post(url, '/api/bookings', JSON.stringify({ name: 'x'.repeat(2_000_000) })), 413],
    ['text/plain', () => fetch(url + '/api/bookings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }), 415],
    ['unknown contact point', () => post(url, '/api/bookings', { institution: 'vid', topic: 'eds', contact_point: 'vpvkac-valka', start: 1900000000, ...person }), 400],
    ['not a slot', () => post(url, '/api/bookings', { institution: 'vid', topic: 'eds', contact_point: 'vpvkac-cesis', start: 1900000017, ...person }), 409],
    ['bad phone', () => post(url, '/api/bookings', { institution: 'vid', topic: 'eds', contact_point: 'vpvkac-cesis', start: 1900000000, name: 'A', phone: '+372 5555 5555', lang: 'lv' }), 400],
    ['bad slots query', () => fetch(url + '/api/slots?institution=vid&contact_point=vpvkac-cesis&days=abc'), 400],
    ['unknown route', () => fetch(url + '/api/nothing'), 404],
    ['bad rating', () => post(url, '/api/ratings', { about: 'weather', target: '', score: 9 }), 400],
  ];
  for (const [name, send, status] of cases) {
    const res = await send();
    assert.equal(res.status, status, name);
    assert.match(res.headers.get('content-type') || '', /application\/json/, name);
    const body = await res.json();
    assert.equal(typeof body.error, 'string', name);
  }
  const fields = await (await post(url, '/api/bookings', { name: 5, lang: 'en' })).json();
  assert.equal(fields.fields.name.code, 'type');
  const phone = await (await post(url, '/api/bookings', { institution: 'vid', topic: 'eds', contact_point: 'vpvkac-cesis', start: 1900000000, name: 'A', phone: '123', lang: 'en' })).json();
  assert.match(phone.fields.phone.message, /\+371/);
  assert.equal((await fetch(url + '/lv/')).status, 200, 'still serving');
});

// The rate limit counts per wall-clock minute (api.cpp, RateLimit): a burst that
// straddles the end of a minute starts a fresh count halfway and would pass or fail by
// chance. Waits until the server's clock (this machine's) has `need` seconds of the
// minute left, and answers the minute the burst must end in.
async function minuteWithRoom(need = 15) {
  const left = 60 - (Date.now() / 1000) % 60;
  if (left < need) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
  return Math.floor(Date.now() / 60000);
}

test('issue 15: rate limit per address within one minute, and CORS only for the portal origin', async () => {
  const { url } = await serve(undefined, ['--rate-limit', '5', '--origin', 'https://pietura.example']);
  const minute = await minuteWithRoom();
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push((await fetch(url + '/api/ratings/summary')).status);
  assert.equal(Math.floor(Date.now() / 60000), minute, 'the burst stayed within one minute');
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);

  const other = await serve(undefined, ['--origin', 'https://pietura.example']);
  const evil = await post(other.url, '/api/ratings', { about: 'service', target: 'vid-eds-lietosana', score: 5 }, { origin: 'https://evil.example' });
  assert.equal(evil.status, 403);
  const pre = await fetch(other.url + '/api/bookings', { method: 'OPTIONS', headers: { origin: 'https://pietura.example', 'access-control-request-method': 'POST' } });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), 'https://pietura.example');
  assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/);
});

test('ratings: masked comments, averages published from five ratings', async () => {
  const { url, data } = await serve();
  for (let i = 0; i < 5; i++) {
    const r = await post(url, '/api/ratings', { about: 'contact-point', target: 'vpvkac-cesis', score: 3 + (i % 3), comment: `Zvaniet 29123456 vai anna${i}@example.lv`, lang: 'lv' });
    assert.equal(r.status, 201);
  }
  for (let i = 0; i < 4; i++) await post(url, '/api/ratings', { about: 'service', target: 'vid-eds-lietosana', score: 5 });
  assert.equal((await post(url, '/api/ratings', { about: 'service', target: 'no-such-service', score: 5 })).status, 400);
  const summary = await (await fetch(url + '/api/ratings/summary')).json();
  assert.deepEqual(summary['contact-point']['vpvkac-cesis'], { count: 5, average: 3.8 });
  assert.deepEqual(summary.service['vid-eds-lietosana'], { count: 4, average: null });
  const csv = execFileSync(cli, ['export', 'ratings', '--format', 'csv', '--data', data], { encoding: 'utf8' });
  assert.doesNotMatch(csv, /29123456|@example/);
  assert.match(csv, /Zvaniet \*\*\* vai \*\*\*/);
});

test('docs/openapi.json describes every implemented route', () => {
  const spec = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'));
  assert.match(spec.openapi, /^3\./);
  const routes = {
    '/api/slots': 'get', '/api/bookings': 'post', '/api/bookings/{reference}': 'get',
    '/api/bookings/{reference}/ics': 'get', '/api/bookings/{reference}/cancel': 'post',
    '/api/ratings': 'post', '/api/ratings/summary': 'get',
  };
  for (const [path, method] of Object.entries(routes)) {
    assert.ok(spec.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    for (const code of Object.keys(spec.paths[path][method].responses)) assert.match(code, /^[1-5]\d\d$/);
  }
  // Route by route, both ways, against the server's own route table: tests/core/openapi_routes_test.cpp (issue 15).
});
