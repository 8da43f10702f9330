// End to end in Debian's headless Chromium against the real `pietura serve`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './helpers.mjs';

const env = serverAndBrowser({ before, after });

const pages = {
  lv: ['/lv/', '/lv/dzives-situacijas/berna-piedzimsana/', '/lv/pakalpojumi/vsaa-slimibas-pabalsts/',
    '/lv/klientu-centri/vpvkac-cesis/', '/lv/meklet/'],
  en: ['/en/', '/en/life-situations/berna-piedzimsana/', '/en/services/vsaa-slimibas-pabalsts/',
    '/en/contact-points/vpvkac-cesis/', '/en/search/'],
};

for (const lang of ['lv', 'en']) {
  test(`${lang}: home, life situation, service and contact point pages render`, async () => {
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    for (const path of pages[lang]) {
      const res = await page.goto(env.server.url + path);
      assert.equal(res.status(), 200, path);
      assert.equal(await page.getAttribute('html', 'lang'), lang, path);
      assert.equal(await page.locator('h1').count(), 1, `one h1 on ${path}`);
      assert.ok((await page.locator('h1').innerText()).trim().length > 0);
      assert.ok(await page.locator('main#main').count(), `main landmark on ${path}`);
    }
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await ctx.close();
  });

  test(`${lang}: the language switch keeps you on the same page`, async () => {
    const page = await env.browser.newPage();
    await page.goto(env.server.url + pages[lang][2]);
    const other = lang === 'lv' ? 'en' : 'lv';
    await page.locator(`header a[hreflang="${other}"]`).first().click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, pages[other][2]);
    await page.close();
  });

  test(`${lang}: the search box is answered by the wasm core as you type`, async () => {
    const page = await env.browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(env.server.url + pages[lang][3]);
    await page.locator('#q').fill(lang === 'lv' ? 'slimibas pabalsts' : 'sickness benefit');
    const first = page.locator('#search-results a').first();
    await first.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await first.getAttribute('href'), /vsaa-slimibas-pabalsts/);
    // The result count is announced to screen readers through the live region.
    await page.waitForFunction(() => /\d/.test(document.querySelector('#search-status').textContent), null, { timeout: 5000 });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('without JavaScript the search form leads to the search page (results from the server, A–Z on a static host)', async () => {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/lv/');
  await page.locator('#q').fill('pabalsts');
  await page.locator('form#search [type=submit]').click();
  await page.waitForLoadState();
  assert.equal(new URL(page.url()).pathname, '/lv/meklet/');
  assert.ok(await page.locator('a[href="/lv/pakalpojumi/vsaa-slimibas-pabalsts/"]').count() > 0);
  await ctx.close();
});

test('the server sends wasm, compression, caching and security headers', async () => {
  const wasm = await fetch(env.server.url + '/assets/pietura.wasm', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('content-encoding'), 'gzip');
  assert.ok(wasm.headers.get('etag'));
  const home = await fetch(env.server.url + '/lv/');
  assert.match(home.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
  const again = await fetch(env.server.url + '/lv/', { headers: { 'if-none-match': home.headers.get('etag') } });
  assert.equal(again.status, 304);
  assert.equal((await fetch(env.server.url + '/no-such-page/')).status, 404);
  assert.equal((await fetch(env.server.url + '/lv', { redirect: 'manual' })).status, 301);
  assert.equal((await fetch(env.server.url + '/%2e%2e/etc/passwd')).status === 200, false);
});

test('issue 3: life-situation questions filter the steps instantly, and all steps show without JavaScript', async () => {
  const path = '/lv/dzives-situacijas/darba-zaudesana/';
  const page = await env.browser.newPage();
  await page.goto(env.server.url + path);
  assert.ok(await page.locator('#step-2').isVisible());
  assert.ok(await page.locator('#step-3').isVisible());
  await page.locator('input[name="employed-12-months"][value="yes"]').check();
  await page.waitForFunction(() => !document.querySelector('#step-3').checkVisibility());
  assert.ok(await page.locator('#step-2').isVisible(), 'the benefit step stays');
  assert.equal(await page.locator('#step-3').isVisible(), false, 'the other branch hides');
  await page.locator('input[name="employed-12-months"][value="no"]').check();
  await page.waitForFunction(() => !document.querySelector('#step-2').checkVisibility());
  assert.ok(await page.locator('#step-3').isVisible());
  await page.close();

  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  const plain = await ctx.newPage();
  await plain.goto(env.server.url + path);
  for (const id of ['#step-1', '#step-2', '#step-3', '#step-6']) assert.ok(await plain.locator(id).isVisible(), id);
  await ctx.close();
});

// The clock is fixed and the browser runs in New York, so only Riga's time can give
// these answers (issue 15: a test about time must be able to fail for it).
for (const [when, path, state, text] of [
  ['2026-12-02T07:30:00Z', '/en/contact-points/vpvkac-cesis/', 'open', 'Open now, closes at 17:00'],        // Wed 9:30 Riga, 2:30 New York
  ['2026-12-04T13:30:00Z', '/en/contact-points/vpvkac-cesis/', 'closed', 'Closed, opens Monday 8:00'],      // Fri 15:30 Riga, Fridays until 14:00
  ['2026-12-03T23:30:00Z', '/lv/klientu-centri/vpvkac-cesis/', 'closed', 'Slēgts, atvērs 8.00'],            // Fri 1:30 Riga, still Thursday in New York
]) {
  test(`issue 4, issue 15: open now in Latvian time at ${when} (browser in New York): "${text}"`, async () => {
    const ctx = await env.browser.newContext({ timezoneId: 'America/New_York', serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.clock.install({ time: new Date(when) });
    await page.goto(env.server.url + path);
    await page.waitForFunction(() => document.querySelector('#open-status').textContent.length > 0, null, { timeout: 15000 });
    assert.equal(await page.getAttribute('#open-status', 'data-state'), state);
    assert.equal((await page.locator('#open-status').innerText()).trim(), text);
    await ctx.close();
  });
}
