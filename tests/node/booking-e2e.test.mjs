// Issue 5 end to end in Debian's headless Chromium: booking with and without
// JavaScript, and an offline confirmation queued in the outbox then sent once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dist, launchBrowser, root, startServer, waitForOfflineCopy } from './helpers.mjs';
import { seatKeeper } from './seats.mjs';

let server, browser, data, ownSlot;
before(async () => {
  data = mkdtempSync(join(tmpdir(), 'pietura-e2e-data-'));
  server = await startServer(dist, ['--data', data, '--rate-limit', '0']);
  browser = await launchBrowser();
  ownSlot = seatKeeper(server.url); // issue 15: each booking test books a time of its own
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const bookings = () => execFileSync(cli, ['export', 'bookings', '--data', data], { encoding: 'utf8' })
  .trim().split('\r\n').slice(1);

async function toCheckPage(page, lang, choice, contactPoint, name) {
  const start = await ownSlot(choice.split(':')[0], contactPoint);
  await page.goto(server.url + (lang === 'lv' ? '/lv/konsultacija/' : '/en/consultation/'));
  await page.locator(`input[name=choice][value="${choice}"]`).check();
  await page.locator('#f-contact_point').selectOption(contactPoint);
  await page.locator('#booking-start [type=submit]').click();
  await page.waitForURL(/\/(laiks|time)\//);
  // One thing per page. Going on without a time: an error summary on top, a message at the field.
  await page.locator('#booking-time [type=submit]').click();
  await page.locator('.error-summary a[href="#f-start"]').waitFor();
  // The page's scripts first (in shared-PC mode they show the shared bar above the content,
  // which moves the radios): a click aimed before that can land beside the radio.
  await page.waitForLoadState('load');
  await page.locator(`input[name=start][value="${start}"]`).check();
  await page.locator('#booking-time [type=submit]').click();
  await page.waitForURL(/\/(dati|details)\//);
  // Submitting the details with nothing filled in: a summary linking to each field.
  await page.locator('#booking-details [type=submit]').click();
  await page.locator('.error-summary').waitFor();
  assert.ok(await page.locator('.error-summary a[href="#f-name"]').count());
  assert.equal(await page.getAttribute('#f-name', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#f-name', 'aria-describedby'), /f-name-error/);
  await page.locator('#f-name').fill(name);
  await page.locator('#f-phone').fill('29 123 456');
  await page.locator('#booking-details [type=submit]').click();
  await page.locator('#booking-confirm').waitFor();
}

test('without JavaScript: plain form posts from topic to confirmation', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await toCheckPage(page, 'lv', 'vid:eds', 'vpvkac-cesis', 'Bez Skripta');
  assert.match(await page.locator('main').innerText(), /\+37129123456/);
  await page.locator('#booking-confirm [type=submit]').click();
  // Issue 12: the plain address; the booking comes from the view cookie, never from the URL.
  await page.waitForURL(/\/lv\/konsultacija\/apstiprinajums\/$/);
  const reference = await page.locator('#reference').innerText();
  assert.match(reference, /^PT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await page.locator('main').innerText(), /Ņemiet|Pase|pase/i);
  const hrefs = await page.$$eval('a[href], form[action]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('action')));
  assert.ok(hrefs.includes('/lv/konsultacija/apstiprinajums/ics'));
  assert.deepEqual(hrefs.filter((h) => /token|ref=|PT-/.test(h)), []);
  // The calendar file through the view: a personal device's copy carries the cancel link.
  const ics = await ctx.request.get(server.url + '/lv/konsultacija/apstiprinajums/ics');
  assert.equal(ics.status(), 200);
  const icsText = await ics.text();
  assert.match(icsText, new RegExp(reference));
  assert.match(icsText.replace(/\r\n /g, ''), /URL:http:\/\/127\.0\.0\.1:\d+\/api\/bookings\/PT-[0-9A-Z-]+\/open\?token=[0-9a-f]{32}/);
  // Cancel from the confirmation: first "are you sure?", and "no" keeps it.
  await page.locator('a.cancel-link').click();
  await page.waitForURL(/\/apstiprinajums\/atcelt\/$/);
  assert.match(await page.locator('h1').innerText(), /atcelt/i);
  await page.getByRole('link', { name: 'Nē, paturēt pieteikumu' }).click();
  await page.waitForURL(/\/apstiprinajums\/$/);
  assert.equal(await page.locator('#reference').innerText(), reference);
  await page.locator('a.cancel-link').click();
  await page.locator('#booking-cancel [type=submit]').click();
  await page.waitForURL(/\/apstiprinajums\/$/);
  assert.match(await page.locator('h1').innerText(), /atcelts/);
  assert.ok(bookings().some((l) => l.includes('"Bez Skripta"') && l.endsWith(',"cancelled"')), bookings().join('\n'));
  // The calendar link opened on the citizen's own device (a fresh browser): it shows the booking at the plain address.
  const own = await browser.newContext({ javaScriptEnabled: false });
  const ownPage = await own.newPage();
  await ownPage.goto(icsText.replace(/\r\n /g, '').match(/URL:(\S+)/)[1]);
  await ownPage.waitForURL(/\/lv\/konsultacija\/apstiprinajums\/$/);
  assert.equal(await ownPage.locator('#reference').innerText(), reference);
  await own.close();
  await ctx.close();
});

test('without JavaScript: a contact point that does not host the topic lists those that do', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url + '/en/consultation/');
  await page.locator('input[name=choice][value="vid:eds"]').check();
  await page.locator('#f-contact_point').selectOption('vpvkac-aluksne'); // VSAA and VZD only
  await page.locator('#booking-start [type=submit]').click();
  await page.locator('.error-summary').waitFor();
  const links = page.locator('main ul.links a[href*="contact_point="]');
  assert.ok(await links.count() >= 10);
  await links.first().click();
  await page.waitForURL(/\/en\/consultation\/time\/\?choice=vid:eds&contact_point=/);
  assert.ok(await page.locator('input[name=start]').count() > 0);
  await ctx.close();
});

test('with JavaScript: the list shows only hosts of the institution, the outbox sends once', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The one expected error: the empty form's answer is a 400 page with the error summary.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 400/.test(m.text())) problems.push(m.text()); });
  await page.goto(server.url + '/en/consultation/');
  await page.locator('#booking-start[data-enhanced=filter]').waitFor();
  await page.locator('input[name=choice][value="vzd:kadastrs"]').check();
  assert.equal(await page.locator('#f-contact_point option[value="vpvkac-ludza"]').isDisabled(), true, 'no VZD in Ludza');
  await toCheckPage(page, 'en', 'vzd:kadastrs', 'vpvkac-valmiera', 'With Script');
  await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
  await page.locator('#booking-confirm [type=submit]').click();
  await page.waitForURL(/\/en\/consultation\/confirmation\/$/);
  assert.match(await page.locator('#reference').innerText(), /^PT-/);
  await page.locator('#print-booking').waitFor({ state: 'visible', timeout: 10000 }); // booking.js shows it when it loads
  assert.equal(bookings().filter((l) => l.includes("With Script")).length, 1, bookings().join("\n"));
  assert.deepEqual(problems, []);
  await ctx.close();
});

// Issue 15: the request waits while offline and goes once the connection is back.
// A resend with the same idempotency key would get the stored answer and book
// nothing new, so counting bookings cannot see it: the browser's own requests are
// counted, over a reload (which flushes at once) and longer than outbox.js's retry
// interval (OUTBOX_RETRY_MS), so that a request left in the outbox would be sent again.
const OUTBOX_RETRY_MS = Number(readFileSync(join(root, 'web/assets/outbox.js'), 'utf8').match(/setInterval\([\s\S]*?\},\s*(\d+)\)/)[1]);
test('issue 15: offline, the confirmed request waits in the outbox, is sent once when back online, and nothing is resent after the retry interval', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await toCheckPage(page, 'lv', 'vsaa:pensijas', 'vpvkac-ogre', 'Bez Tīkla');
  await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
  await ctx.setOffline(true);
  await page.locator('#booking-confirm [type=submit]').click();
  await page.waitForFunction(() => /savienojum/.test(document.querySelector('#booking-status').textContent), null, { timeout: 10000 });
  assert.equal(bookings().filter((l) => l.includes('Bez Tīkla')).length, 0, 'nothing sent while offline');
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/bookings') posts.push(Date.now()); });
  await ctx.setOffline(false);
  await page.waitForURL(/apstiprinajums/, { timeout: 20000 });
  assert.ok(posts.length >= 1, 'sent when the connection came back');
  assert.equal(bookings().filter((l) => l.includes('Bez Tīkla')).length, 1, 'booked once');
  assert.match(await page.locator('#reference').innerText(), /^PT-/);
  assert.ok(OUTBOX_RETRY_MS >= 1000 && OUTBOX_RETRY_MS <= 30000, `outbox.js retries every ${OUTBOX_RETRY_MS} ms`);
  const answered = posts.length;
  await page.reload();
  await page.locator('#reference').waitFor();
  await page.waitForTimeout(OUTBOX_RETRY_MS * 1.5);
  assert.equal(posts.length - answered, 0, 'nothing resent after the answer');
  assert.deepEqual(await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('pietura-outbox', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('requests', { keyPath: 'key' });
    req.onsuccess = () => { const all = req.result.transaction('requests').objectStore('requests').getAll(); all.onsuccess = () => resolve(all.result); };
    req.onerror = () => reject(req.error);
  })), [], 'the outbox is empty');
  assert.equal(bookings().filter((l) => l.includes('Bez Tīkla')).length, 1);
  await ctx.close();
});

test('with JavaScript: "nearest first" orders the hosting contact points from the wasm core', async () => {
  const ctx = await browser.newContext({ geolocation: { latitude: 56.9496, longitude: 24.1052 }, permissions: ['geolocation'] });
  const page = await ctx.newPage();
  await page.goto(server.url + '/en/consultation/');
  await page.locator('input[name=choice][value="vsaa:pensijas"]').check();
  await page.locator('#nearest-first').click();
  // From Rīga's old town the hosts of VSAA consultations, by straight-line distance:
  // Ogre 34 km, Sigulda 51 km, Bauska 60 km.
  await page.waitForFunction(() => document.querySelector('#f-contact_point').value === 'vpvkac-ogre', null, { timeout: 15000 });
  // (Not counting the first option, "Choose a contact point", which is no answer.)
  const firstThree = await page.$$eval('#f-contact_point option:not([disabled]):not([value=""])', (o) => o.slice(0, 3).map((x) => x.value));
  assert.deepEqual(firstThree, ['vpvkac-ogre', 'vpvkac-sigulda', 'vpvkac-bauska']);
  await ctx.close();
});

// Issue 6: after one visit the booking works with the network off — times from the
// wasm core, checks from the core, the request queued and sent once when back online.
test('offline after one visit: choose, fill in, queue, and get the confirmation when back online', async () => {
  const start = await ownSlot('vzd', 'vpvkac-cesis');
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url + '/en/consultation/');
  await waitForOfflineCopy(page);
  await ctx.setOffline(true);
  await page.goto(server.url + '/en/consultation/');
  await page.locator('input[name=choice][value="vzd:kadastrs"]').check();
  await page.locator('#f-contact_point').selectOption('vpvkac-cesis');
  await page.locator('#booking-start [type=submit]').click();
  await page.waitForURL(/\/en\/consultation\/offline\/\?/);
  await page.locator('#booking-offline').waitFor({ state: 'visible', timeout: 15000 });
  // The core's checks, before anything is queued.
  await page.locator('#booking-offline [type=submit]').click();
  await page.locator('#offline-errors').waitFor({ state: 'visible' });
  assert.ok(await page.locator('#offline-errors a[href="#f-name"]').count());
  await page.locator(`#offline-slots input[name=start][value="${start}"]`).check();
  await page.locator('#f-name').fill('Bez Savienojuma');
  await page.locator('#f-phone').fill('+371 29 123 456');
  await page.locator('#booking-offline [type=submit]').click();
  await page.waitForFunction(() => /Waiting for the connection/.test(document.querySelector('#booking-status').textContent),
    null, { timeout: 10000 });
  assert.equal(bookings().filter((l) => l.includes('Bez Savienojuma')).length, 0);
  await ctx.setOffline(false);
  await page.waitForURL(/\/en\/consultation\/confirmation\/$/, { timeout: 20000 });
  assert.match(await page.locator('#reference').innerText(), /^PT-/);
  assert.equal(bookings().filter((l) => l.includes('Bez Savienojuma')).length, 1);
  await ctx.close();
});

// Issue 6: on a shared library PC nothing personal is stored, not even while offline.
test('shared PC: offline, the request is kept only on the page, with print and try again', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url + '/lv/?koplietojams=1');
  await toCheckPage(page, 'lv', 'vsaa:pensijas', 'vpvkac-ogre', 'Koplietots Dators');
  await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
  await ctx.setOffline(true);
  await page.locator('#booking-confirm [type=submit]').click();
  await page.waitForFunction(() => /koplietošanas dators/.test(document.querySelector('#booking-status').textContent),
    null, { timeout: 10000 });
  assert.equal(await page.locator('#booking-status button', { hasText: 'Drukāt' }).count(), 1);
  const stored = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.deepEqual(stored, [], 'no IndexedDB on a shared PC');
  // While the page is open it keeps trying (and "try again" is the same button).
  assert.equal(await page.locator('#booking-confirm [type=submit]').isEnabled(), true);
  await ctx.setOffline(false);
  await page.waitForURL(/apstiprinajums/, { timeout: 20000 });
  assert.equal(bookings().filter((l) => l.includes('Koplietots Dators')).length, 1);
  await ctx.close();
});

// The rating journeys (issue 15: page feedback on every page, the 10-point service rating,
// with and without JavaScript) are in rating-journey.test.mjs.

test('no booking server: step 1 offers the contact point phone and a pre-filled e-mail', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // Static hosting: /api/ is not there.
  await page.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }));
  await page.goto(server.url + '/lv/konsultacija/');
  await page.locator('input[name=choice][value="vsaa:pensijas"]').check();
  await page.locator('#f-contact_point').selectOption('vpvkac-cesis');
  await page.locator('#booking-fallback').waitFor({ state: 'visible' });
  const mail = await page.locator('#booking-fallback a[href^="mailto:"]').getAttribute('href');
  assert.match(mail, /^mailto:[^?]+@[^?]+\?subject=Pieteikums/);
  assert.match(decodeURIComponent(mail), /Pensijas/);
  assert.ok(await page.locator('#booking-fallback a[href^="tel:+371"]').count());
  assert.equal(await page.locator('#booking-start [type=submit]').isVisible(), false);
  await ctx.close();
});

test('booking pages pass axe-core WCAG 2.1 A/AA checks', async () => {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const ctx = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
  const page = await ctx.newPage();
  const check = async (what) => {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), [], what);
  };
  await page.goto(server.url + '/en/consultation/');
  await check('step 1');
  const start = await ownSlot('vsaa', 'vpvkac-talsi');
  await page.goto(server.url + '/en/consultation/time/?choice=vsaa:slimiba&contact_point=vpvkac-talsi');
  await page.locator('#booking-time [type=submit]').click();
  await page.locator('.error-summary').waitFor();
  await check('time page with errors');
  await page.locator(`input[name=start][value="${start}"]`).check();
  await page.locator('#booking-time [type=submit]').click();
  await page.locator('#booking-details [type=submit]').click();
  await page.locator('.error-summary').waitFor();
  await check('details page with errors');
  await page.locator('#f-name').fill('Axe Check');
  await page.locator('#f-email').fill('axe@example.lv');
  await page.locator('#booking-details [type=submit]').click();
  await page.locator('#booking-confirm').waitFor();
  await check('check page');
  await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
  await page.locator('#booking-confirm [type=submit]').click();
  await page.waitForURL(/confirmation/);
  await check('confirmation');
  await ctx.close();
});
