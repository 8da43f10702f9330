// Issue 12: a shared library PC keeps nothing after "Finish and clear". One Chromium
// profile on disk, as a library PC has: shared mode on, a booking with JavaScript,
// "Finish and clear", a booking without JavaScript, "Finish and clear" (the plain form),
// then every file of the profile is searched for what the citizens typed and for the
// bookings' secrets, and the next visitor tries Back and every address in the History.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dist, startServer } from './helpers.mjs';
import { seatKeeper } from './seats.mjs';

// The same switches as helpers.mjs launchBrowser, on a persistent profile.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server, data, profile, ownSlot;
before(async () => {
  data = mkdtempSync(join(tmpdir(), 'pietura-shared-data-'));
  profile = mkdtempSync(join(tmpdir(), 'pietura-shared-profile-'));
  server = await startServer(dist, ['--data', data, '--rate-limit', '0']);
  ownSlot = seatKeeper(server.url); // issue 15: each booking here takes a time of its own
});
after(() => {
  server?.stop();
  if (!process.env.PIETURA_KEEP_PROFILE) for (const d of [data, profile]) if (d) rmSync(d, { recursive: true, force: true });
});

async function launchProfile(options = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, ...options });
}

// Unique values, so a hit in the profile can only come from this test.
const tag = randomInt(100000, 999999);
const visitors = [
  { js: true, name: `Zelma Testiņa-${tag}`, phone: `2${randomInt(1000000, 9999999)}`, email: `zelma.${tag}@example.lv`,
    note: `Piezīme par pensiju ${tag}-a`, choice: 'vsaa:pensijas', cp: 'vpvkac-ogre' },
  { js: false, name: `Ojārs Bezskripta-${tag}`, phone: `2${randomInt(1000000, 9999999)}`, email: `ojars.${tag}@example.lv`,
    note: `Otrā piezīme ${tag}-b`, choice: 'vid:eds', cp: 'vpvkac-cesis' },
];

const exportBookings = () => execFileSync(cli, ['export', 'bookings', '--data', data], { encoding: 'utf8' }).trim().split('\r\n');
// The export quotes every cell (issue 12: no cell may become a spreadsheet formula).
const status = (reference) => exportBookings().find((l) => l.startsWith(`"${reference}",`))?.split(',').at(-1).replaceAll('"', '');

// The server keeps each answer for its idempotency key (the outbox's, or the check page's
// for a form post); the test reads the token there. Without JavaScript the browser never
// even sees it; with JavaScript only the fetch's answer held it.
function tokenOf(reference) {
  const rows = execFileSync('sqlite3', [join(data, 'pietura-data.sqlite'), 'SELECT body FROM idempotency WHERE status = 201'],
    { encoding: 'utf8' }).trim().split('\n');
  for (const row of rows) {
    try {
      const b = JSON.parse(row);
      if (b.reference === reference) return b.token;
    } catch { /* a rating's answer */ }
  }
  return null;
}

// What is on the page, including what the browser put back into form fields.
async function personalOnPage(page, needles) {
  const text = await page.evaluate(() => document.documentElement.outerHTML + '\n' +
    [...document.querySelectorAll('input, textarea, select')].map((e) => e.value).join('\n')).catch(() => '');
  return needles.filter((n) => text.includes(n));
}

async function book(page, v) {
  const url = server.url;
  const start = await ownSlot(v.choice.split(':')[0], v.cp);
  await page.goto(url + '/lv/konsultacija/');
  await page.locator(`input[name=choice][value="${v.choice}"]`).check();
  await page.locator('#f-contact_point').selectOption(v.cp);
  await page.locator('#booking-start [type=submit]').click();
  await page.waitForURL(/\/laiks\//);
  await page.locator(`input[name=start][value="${start}"]`).check();
  await page.locator('#booking-time [type=submit]').click();
  await page.waitForURL(/\/dati\//);
  // Shared mode (the cookie): the browser is asked not to remember any personal field.
  for (const id of ['#f-name', '#f-phone', '#f-email', '#f-note', '#f-accessibility'])
    assert.equal(await page.getAttribute(id, 'autocomplete'), 'off', id);
  assert.equal(await page.getAttribute('#booking-details', 'autocomplete'), 'off');
  assert.equal(await page.locator('#shared-bar').isVisible(), true, 'the shared bar shows on the server pages');
  await page.locator('#f-name').fill(v.name);
  await page.locator('#f-phone').fill(v.phone);
  await page.locator('#f-email').fill(v.email);
  await page.locator('#f-note').fill(v.note);
  await page.locator('#booking-details [type=submit]').click();
  await page.locator('#booking-confirm').waitFor();
  if (v.js) await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
  await page.locator('#booking-confirm [type=submit]').click();
  await page.waitForURL(/\/lv\/konsultacija\/apstiprinajums\/$/, { timeout: 20000 });
  v.reference = await page.locator('#reference').innerText();
  assert.match(v.reference, /^PT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  v.token = tokenOf(v.reference);
  assert.match(v.token, /^[0-9a-f]{32}$/);
  // No secret in any link or form of the confirmation.
  const addresses = await page.$$eval('[href], [action], [src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('src')));
  assert.deepEqual(addresses.filter((a) => a.includes(v.reference) || a.includes(v.token) || /token|ref=/.test(a)), []);
  // On a shared PC the calendar file has no cancel link: a file left in Downloads cancels nothing.
  const ics = await page.context().request.get(url + '/lv/konsultacija/apstiprinajums/ics');
  const icsText = await ics.text();
  assert.match(icsText, /BEGIN:VCALENDAR/);
  assert.equal(icsText.includes(v.token), false);
  assert.equal(/open\?token/.test(icsText), false);
}

// Back from the start page, as the next visitor would press it, twice and three times.
// Every step answers its post with 303 to a GET, so Back finds plain pages, fetched anew.
async function backShowsNothing(page, needles) {
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await page.goBack({ timeout: 10000 }).catch(() => null);
    await page.waitForLoadState().catch(() => null);
    seen.push(new URL(page.url()).pathname);
    assert.deepEqual(await personalOnPage(page, needles), [], `Back ×${i + 1}: ${page.url()}`);
  }
  // The details form was among them, and it came back empty.
  assert.ok(seen.includes('/lv/konsultacija/dati/'), seen.join(' '));
  return seen;
}

test('issue 12: after "Finish and clear" a shared PC keeps nothing personal or secret, with and without JavaScript', async (t) => {
  const v1 = visitors[0], v2 = visitors[1];

  // --- first visitor: JavaScript on; the librarian turns shared mode on in the settings ---
  let ctx = await launchProfile();
  let page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(server.url + '/lv/iestatijumi/');
  await page.locator('#s-shared').check();
  await page.locator('#settings-form [type=submit]').click();
  await page.locator('#shared-bar').waitFor({ state: 'visible' });
  assert.ok((await ctx.cookies()).some((c) => c.name === 'pietura_shared' && c.value === '1'), 'the setting is a cookie too');
  await book(page, v1);
  assert.equal(status(v1.reference), 'booked');
  await Promise.all([page.waitForURL(/\/lv\/(#cleared)?$/), page.getByRole('button', { name: 'Pabeigt un notīrīt' }).click()]);
  await page.locator('#shared-status').filter({ hasText: 'Viss notīrīts' }).waitFor();
  const cookies = await ctx.cookies();
  assert.deepEqual(cookies.map((c) => `${c.name}=${c.value}`), ['pietura_shared=1'], 'the view cookie is gone, the setting stays');
  await backShowsNothing(page, [v1.name, v1.phone, v1.email, v1.note, v1.reference]);
  await ctx.close();

  // --- second visitor: no JavaScript; the plain forms do everything ---
  ctx = await launchProfile({ javaScriptEnabled: false });
  page = ctx.pages()[0] ?? await ctx.newPage();
  // Shared mode switched without JavaScript (the settings page's plain form; it was on already).
  await page.goto(server.url + '/lv/iestatijumi/');
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/settings/shared')),
    page.getByRole('button', { name: 'Ieslēgt koplietošanas datora režīmu' }).click()]);
  await page.waitForLoadState();
  await book(page, v2);
  assert.equal(status(v2.reference), 'booked');
  await Promise.all([page.waitForURL(/\/lv\/(#cleared)?$/), page.locator('#shared-bar').getByRole('button', { name: 'Pabeigt un notīrīt' }).click()]);
  assert.deepEqual((await ctx.cookies()).map((c) => `${c.name}=${c.value}`), ['pietura_shared=1'],
    'Clear-Site-Data took every cookie; the shared-mode setting came back');
  const seen = await backShowsNothing(page, [v2.name, v2.phone, v2.email, v2.note, v2.reference]);
  assert.equal(seen[0], '/lv/konsultacija/apstiprinajums/', 'Back first finds the confirmation, which shows nothing now');
  await ctx.close();

  // --- the profile on disk: not one file holds what was typed or the secrets ---
  const needles = visitors.flatMap((v) => [v.name, v.phone, v.email, v.note, v.reference, v.token]);
  // As typed, and as a form post or an address would carry it (percent-encoded, '+' for spaces).
  const forms = (n) => [...new Set([n, encodeURIComponent(n), new URLSearchParams({ x: n }).toString().slice(2)])];
  const patterns = needles.flatMap((n) => forms(n).flatMap((f) => [[f, Buffer.from(f, 'utf8')], [f + ' (UTF-16LE)', Buffer.from(f, 'utf16le')]]));
  const found = [];
  let files = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        const bytes = readFileSync(p);
        for (const [label, pattern] of patterns) {
          const at = bytes.indexOf(pattern);
          if (at < 0) continue;
          // With the bytes around it, so a failure says what kept it.
          const around = bytes.subarray(Math.max(0, at - 60), at + pattern.length + 20).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
          found.push(`${label} in ${p.slice(profile.length)}: ${around}`);
        }
      }
    }
  };
  walk(profile);
  assert.ok(files > 50, `the profile has its usual files (${files})`);
  assert.deepEqual(found, []);
  t.diagnostic(`profile: ${files} files searched for ${patterns.length} byte patterns`);

  // --- the next visitor: every address in the History, opened again ---
  const historyCopy = join(data, 'History-copy');
  copyFileSync(join(profile, 'Default', 'History'), historyCopy);
  const urls = execFileSync('sqlite3', [historyCopy, 'SELECT url FROM urls'], { encoding: 'utf8' }).trim().split('\n')
    .filter((u) => u.startsWith(server.url));
  assert.ok(urls.some((u) => /\/apstiprinajums\/$/.test(u)), urls.join('\n'));
  assert.deepEqual(urls.filter((u) => needles.some((n) => u.includes(n)) || /token=|ref=/.test(u)), [], 'no secret in any address');
  ctx = await launchProfile();
  page = ctx.pages()[0] ?? await ctx.newPage();
  for (const u of urls) {
    await page.goto(u).catch(() => null);
    await page.waitForTimeout(200);
    assert.deepEqual(await personalOnPage(page, needles), [], u);
    // A cancel page reached from the History would need the view; the confirmation says there is none.
    if (/\/apstiprinajums\/$/.test(u)) assert.equal(await page.locator('#reference').count(), 0, u);
  }
  await ctx.close();
  t.diagnostic(`history: ${urls.length} addresses of the portal opened again`);
  for (const v of visitors) {
    assert.equal(status(v.reference), 'booked', `${v.reference} is still booked`);
    const api = await fetch(`${server.url}/api/bookings/${v.reference}?token=${v.token}`);
    assert.equal((await api.json()).status, 'booked');
  }
});

test('issue 12: the confirmation needs this browser\'s view; a stolen or finished view shows nothing', async () => {
  const body = {
    institution: 'vzd', topic: 'kadastrs', contact_point: 'vpvkac-valmiera', name: `Views Test ${tag}`, phone: '29123456',
    lang: 'en',
  };
  body.start = await ownSlot('vzd', 'vpvkac-valmiera');
  const headers = { 'content-type': 'application/json', 'idempotency-key': `views-test-${tag}` };
  const res = await fetch(server.url + '/api/bookings', { method: 'POST', body: JSON.stringify(body), headers });
  assert.equal(res.status, 201);
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /^pietura_view=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Strict$/);
  const view = cookie.split(';')[0];
  const { reference } = await res.json();
  const page = (c) => fetch(server.url + '/en/consultation/confirmation/', { headers: c ? { cookie: c } : {} });
  const shown = await page(view);
  assert.equal(shown.headers.get('cache-control'), 'no-store');
  assert.match(await shown.text(), new RegExp(reference));
  const none = await (await page('')).text();
  assert.doesNotMatch(none, new RegExp(reference));
  assert.match(none, /No booking to show here/);
  assert.doesNotMatch(await (await page('pietura_view=' + '0'.repeat(32))).text(), new RegExp(reference));
  // The old address with the secrets in it shows nothing either.
  const token = (await (await fetch(server.url + '/api/bookings', { method: 'POST', body: JSON.stringify(body), headers }))
    .json()).token; // the same request and key replayed: the same answer, the API client's token
  assert.match(token ?? '', /^[0-9a-f]{32}$/);
  assert.doesNotMatch(await (await fetch(`${server.url}/en/consultation/confirmation/?ref=${reference}&token=${token}`)).text(),
    new RegExp(reference));
  // Cancelling needs the view and the "are you sure?" answer; a GET cancels nothing.
  const ask = await fetch(server.url + '/en/consultation/confirmation/cancel/', { headers: { cookie: view } });
  assert.match(await ask.text(), /Cancel this booking\?/);
  const unconfirmed = await fetch(server.url + '/api/confirmation/cancel', { method: 'POST', redirect: 'manual',
    headers: { cookie: view, 'content-type': 'application/x-www-form-urlencoded' }, body: 'page_lang=en' });
  assert.equal(unconfirmed.status, 303);
  assert.equal(status(reference), 'booked');
  // "Finish and clear" forgets the view on the server: the same cookie shows nothing any more.
  const finish = await fetch(server.url + '/api/finish', { method: 'POST', redirect: 'manual',
    headers: { cookie: view + '; pietura_shared=1', 'content-type': 'application/x-www-form-urlencoded' }, body: 'lang=en' });
  assert.equal(finish.status, 303);
  assert.equal(finish.headers.get('clear-site-data'), '"cache", "cookies", "storage"');
  assert.equal(finish.headers.get('location'), '/api/finish/done?lang=en&shared=1');
  const done = await fetch(server.url + finish.headers.get('location'), { redirect: 'manual' });
  assert.match(done.headers.get('set-cookie'), /^pietura_shared=1; Path=\//);
  assert.equal(done.headers.get('location'), '/en/#cleared');
  assert.doesNotMatch(await (await page(view)).text(), new RegExp(reference));
  assert.equal(status(reference), 'booked');
});

test('issue 12: the static offline booking step turns personal fields off for autocomplete in shared mode only', async () => {
  const { launchBrowser } = await import('./helpers.mjs');
  const browser = await launchBrowser();
  try {
    for (const shared of ['0', '1']) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${server.url}/lv/?koplietojams=${shared}`);
      await page.goto(server.url + '/lv/konsultacija/bezsaiste/?choice=vsaa:pensijas&contact_point=vpvkac-ogre');
      await page.waitForFunction(() => document.querySelector('#shared-bar') && document.readyState === 'complete');
      await page.waitForTimeout(300);
      const ac = await page.$$eval('#f-name, #f-phone, #f-email, #f-note', (els) => els.map((e) => e.getAttribute('autocomplete') ?? ''));
      assert.deepEqual(ac, shared === '1' ? ['off', 'off', 'off', 'off'] : ['name', 'tel', 'email', ''], `shared=${shared}`);
      // The same setting as the cookie the server reads.
      assert.ok((await ctx.cookies()).some((c) => c.name === 'pietura_shared' && c.value === shared));
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
});
