// Issue 4 in the browser: "where am I" and the nearest contact points, from the
// wasm core, with filters; and the no-JavaScript path through municipality pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, loadCore, snapshotBytes } from './helpers.mjs';

let server, browser, M, cat;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  M = await loadCore();
  cat = new M.Catalogue(snapshotBytes());
});
after(async () => {
  cat?.delete();
  await browser?.close();
  server?.stop();
});

const monday10 = Date.UTC(2026, 10, 23, 8, 0); // 2026-11-23 10:00 Riga

test('wasm: places are found with and without diacritics', () => {
  for (const q of ['cesis', 'Cēsis', 'CESIS ']) {
    const [first] = cat.findPlaces(q, 'lv', 5);
    assert.equal(first.name, 'Cēsis', q);
    assert.equal(first.kind, 'place');
  }
  assert.equal(cat.findPlaces('rezeknes nov', 'lv', 5)[0].kind, 'territory');
  assert.deepEqual(cat.findPlaces('', 'lv', 5), []);
  assert.deepEqual(cat.findPlaces('qqqq', 'lv', 5), []);
  assert.equal(cat.territories('en').length, 42);
});

test('wasm: nearest with filters, and clear errors for impossible input', () => {
  const all = cat.nearest(57.3119, 25.2706, { limit: 5 }, monday10, 'lv');
  assert.equal(all.length, 5);
  assert.equal(all[0].id, 'vpvkac-cesis');
  assert.ok(all[0].busStopM >= 0 && all[0].busStop.length > 0);
  assert.match(all[1].distance, /km$/);
  const sat = cat.nearest(56.5047, 21.0108, { limit: 10, saturday: true }, monday10, 'en');
  assert.deepEqual(sat.map((x) => x.id), ['vpvkac-valmiera']);
  const remote = cat.nearest(56.95, 24.11, { limit: 100, remote: 'vzd' }, monday10, 'en');
  assert.ok(remote.length > 0 && remote.every((x) => x.remote.includes('SLS')));
  assert.throws(() => cat.nearest(NaN, 24, {}, monday10, 'lv'), RangeError);
  assert.throws(() => cat.nearest(57, 24, { service: 'no-such-service' }, monday10, 'lv'), /unknown service/);
  const days = cat.days('vpvkac-cesis', Date.UTC(2026, 11, 21, 8), 'en', 7);
  assert.equal(days.length, 7);
  assert.equal(days[3].date, '2026-12-24');
  assert.equal(days[3].open, false);
});

test('browser: type a place without diacritics, filter, see the nearest', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/en/contact-points/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  await page.getByLabel('Town, village or municipality').fill('valmiera');
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  const first = page.locator('#finder-results li').first();
  await first.waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#finder-results li').count(), 5);
  assert.match(await first.locator('h3 a').getAttribute('href'), /vpvkac-valmiera/);
  assert.match(await page.locator('#finder-status').innerText(), /Valmiera \(5\)/);
  // Filters re-run the search at once; only one centre is open on Saturdays.
  await page.getByLabel('are open on Saturdays').check();
  await page.waitForFunction(() => document.querySelectorAll('#finder-results li').length === 1);
  await page.getByLabel('are open on Saturdays').uncheck();
  await page.getByLabel('have a step-free entrance').check();
  await page.waitForFunction(() => document.querySelectorAll('#finder-results li').length === 5);
  // An unknown place is said plainly.
  await page.getByLabel('Town, village or municipality').fill('Atlantis');
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  await page.waitForFunction(() => /Atlantis/.test(document.getElementById('finder-status').textContent));
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('issue 15: after "no contact point matches", taking a filter off brings the centres back at once', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(server.url + '/en/contact-points/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  await page.getByLabel('Town, village or municipality').fill('valmiera');
  await page.getByLabel('are open on Saturdays').check();
  await page.getByLabel('are open after 17:00').check();
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  await page.waitForFunction(() => /No contact point matches/.test(document.getElementById('finder-status').textContent));
  assert.equal(await page.locator('#finder-results li').count(), 0);
  // No second press of the button: the change alone answers.
  await page.getByLabel('are open after 17:00').uncheck();
  await page.getByLabel('are open on Saturdays').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('#finder-results li').length === 5);
  assert.match(await page.locator('#finder-status').innerText(), /Valmiera \(5\)/);
  await ctx.close();
});

test('browser: "use my location" asks only on the button and ranks from there', async () => {
  const ctx = await browser.newContext({
    geolocation: { latitude: 56.6511, longitude: 23.7214 }, // Jelgava
    permissions: ['geolocation'],
  });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__geoCalls = 0;
    const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...a) => { window.__geoCalls++; return real(...a); };
  });
  await page.goto(server.url + '/lv/klientu-centri/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.evaluate(() => window.__geoCalls), 0, 'no location asked on load');
  await page.getByRole('button', { name: 'Izmantot manu atrašanās vietu' }).click();
  const first = page.locator('#finder-results li').first();
  await first.waitFor({ timeout: 10000 });
  assert.match(await first.locator('h3 a').getAttribute('href'), /vzd-jelgava/);
  await ctx.close();
});

test('issue 15: the week view shows Riga\'s days ahead with their hours and holidays (fixed clock, browser in New York)', async () => {
  const ctx = await browser.newContext({ timezoneId: 'America/New_York', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  // Wednesday 23 December 2026, 00:30 in Riga; still Tuesday 22 December, 17:30, in
  // New York: a week computed in the browser's zone would start a day early.
  await page.clock.install({ time: new Date('2026-12-22T22:30:00Z') });
  await page.goto(server.url + '/en/contact-points/vpvkac-cesis/');
  await page.locator('#week').waitFor({ state: 'visible', timeout: 15000 });
  const rows = await page.locator('#week .week-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].slice(1).map((td) => td.textContent.trim())));
  assert.deepEqual(rows, [
    ['Wednesday', '8:00–16:00', 'day before a public holiday, one hour shorter'],
    ['Thursday', 'closed', 'Christmas Eve'],
    ['Friday', 'closed', 'Christmas Day'],
    ['Saturday', 'closed', 'Second Day of Christmas'],
    ['Sunday', 'closed', ''],
    ['Monday', '8:00–17:00', ''],
    ['Tuesday', '8:00–17:00', ''],
  ]);
  // The first day is Riga's 23 December, whatever format the date column uses.
  assert.match(await page.locator('#week .week-table tbody tr td').first().innerText(), /23/);
  await ctx.close();
});

test('without JavaScript: municipality → its contact points and the nearest from each village', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url + '/lv/klientu-centri/');
  assert.equal(await page.locator('#finder').isVisible(), false);
  await page.getByRole('link', { name: 'Cēsu novads' }).first().click();
  await page.waitForLoadState();
  assert.equal(new URL(page.url()).pathname, '/lv/tuvakie/cesu-novads/');
  assert.ok(await page.locator('a[href="/lv/klientu-centri/vpvkac-cesis/"]').count() >= 1);
  assert.ok(await page.locator('table tbody tr').count() >= 3);
  await ctx.close();
});
