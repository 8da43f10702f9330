// Search without JavaScript and honest search (issues 14 and 15), against the real
// `pietura serve`, in Debian's Chromium with and without scripts; and the life
// situations' step-by-step (issue 15).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serverAndBrowser } from './helpers.mjs';

const env = serverAndBrowser({ before, after });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function plainPage() {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  return { ctx, page: await ctx.newPage() };
}

for (const [path, query, heading] of [
  ['/lv/meklet/', 'pensija', /^\d+ rezultāt(s|i|u) vaicājumam „pensija”$/],
  ['/en/search/', 'pension', /^\d+ results? for “pension”$/],
]) {
  test(`issue 15: without JavaScript ${path}?q=${query} answers with results, the query kept in the box`, async () => {
    const { ctx, page } = await plainPage();
    const res = await page.goto(`${env.server.url}${path}?q=${encodeURIComponent(query)}`);
    assert.equal(res.status(), 200);
    assert.equal(await page.inputValue('#q'), query);
    assert.match((await page.locator('#live-results h2').innerText()).trim(), heading);
    const links = await page.locator('#live-results-list > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 1, 'at least one result');
    assert.ok(links.every((h) => h.startsWith(path.slice(0, 4))), 'results in the page language');
    assert.equal(await page.locator('.az-letters').count(), 0, 'results, not the A–Z list');
    await ctx.close();
  });
}

test('issue 15: without a query the search page is still the A–Z list', async () => {
  const { ctx, page } = await plainPage();
  for (const q of ['', '?q=', '?q=%20%20']) {
    const res = await page.goto(`${env.server.url}/lv/meklet/${q}`);
    assert.equal(res.status(), 200, q);
    assert.ok(await page.locator('.az-letters').count(), q);
  }
  await ctx.close();
});

test('issue 15: nothing found says so, and where to ask', async () => {
  const { ctx, page } = await plainPage();
  await page.goto(`${env.server.url}/lv/meklet/?q=${encodeURIComponent('qzxvw')}`);
  assert.equal((await page.locator('#live-results h2').innerText()).trim(), 'Vaicājumam „qzxvw” nekas netika atrasts');
  assert.match(await page.locator('#live-results').innerText(), /Jautājiet savā pašvaldībā/);
  assert.equal(await page.locator('#live-results a[href="/lv/klientu-centri/"]').count(), 1);
  await ctx.close();
});

test('issue 15: a query the server cannot use gets a clear answer, never a 500', async () => {
  for (const [q, status, text] of [
    ['a'.repeat(121), 400, /pārāk garš/],
    ['%FF%FEpabalsts', 400, /nevar nolasīt/],
    ['pabalsts&lapa=abc', 400, /Lapas numuram/],
    ['pabalsts&lapa=0', 400, /Lapas numuram/],
    ['pabalsts&lapa=99', 400, /Lapas numuram/],
    ['%22)%20OR%20*%20NEAR(', 200, /vaicājumam|nekas netika atrasts|nav precīzas/],
  ]) {
    const res = await fetch(`${env.server.url}/lv/meklet/?q=${q}`);
    assert.equal(res.status, status, q);
    assert.match(res.headers.get('content-type'), /text\/html/, q);
    assert.match(await res.text(), text, q);
  }
});

test('issue 14: every match, ten at a time, "Rādīt vēl" without JavaScript', async () => {
  const { ctx, page } = await plainPage();
  await page.goto(`${env.server.url}/lv/meklet/?q=pabalsts`);
  const total = Number(await page.getAttribute('#live-results', 'data-total'));
  assert.ok(total > 10, `more than ten match "pabalsts" (${total})`);
  assert.equal(await page.locator('#live-results li[id^="result-"]').count(), 10);
  await page.locator('.results-more a').click();
  await page.waitForURL(/lapa=2/);
  assert.equal(await page.locator('#live-results li[id^="result-"]').count(), Math.min(20, total));
  assert.equal(await page.inputValue('#q'), 'pabalsts');
  await ctx.close();
});

test('issue 14, issue 15: with JavaScript the static search page shows the core\'s results, the same as the server\'s', async () => {
  const query = 'makšķerēšanas karte';
  const { ctx, page: plain } = await plainPage();
  await plain.goto(`${env.server.url}/lv/meklet/?q=${encodeURIComponent(query)}`);
  const server = await plain.locator('#search-answer').innerHTML();
  await ctx.close();

  const page = await env.browser.newPage();
  // The static page (no server rendering: no q in the address) and then the query typed.
  await page.goto(`${env.server.url}/lv/meklet/`);
  await page.fill('#q', query);
  await page.locator('#search-answer #live-results').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#search-answer').innerHTML(), server, 'one renderer for both');
  const text = await page.locator('#live-results').innerText();
  assert.match(text, /nav precīzas atbildes/);
  assert.match(text, /Katalogā, iespējams, nav tā, ko meklējat/);
  assert.match(text, /Jautājiet savā pašvaldībā/);
  assert.equal(await page.locator('#live-results-list').count(), 0, 'no confident list');
  assert.ok(await page.locator('.weak-results li').count() >= 1, 'the guesses, under their own heading');
  await page.close();
});

test('issue 14: "Rādīt vēl" with JavaScript adds the next ten in place and moves focus to the first new one', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}/lv/meklet/?q=pabalsts`);
  await page.locator('#search-answer .results-more a').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#search-answer li[id^="result-"]').count(), 10);
  await page.locator('#search-answer .results-more a').click();
  await page.waitForFunction(() => document.querySelectorAll('#search-answer li[id^="result-"]').length > 10);
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.id), 'result-11');
  assert.match(page.url(), /lapa=2/);
  await page.close();
});

test('issue 15: life-situation steps fold with JavaScript and all show without; the question form has a submit button', async () => {
  const path = '/lv/dzives-situacijas/darba-zaudesana/';
  const { ctx, page: plain } = await plainPage();
  await plain.goto(env.server.url + path);
  assert.equal(await plain.locator('#questions').isVisible(), false, 'no form that cannot filter');
  assert.ok(await plain.locator('#step-2-body').isVisible(), 'every step open without JavaScript');
  // WCAG H32: every form has a submit button.
  const forms = await plain.locator('main form').evaluateAll((fs) => fs.map((f) => !!f.querySelector('button[type=submit], button:not([type]), input[type=submit]')));
  assert.ok(forms.every(Boolean), 'every form can be submitted');
  await ctx.close();

  const page = await env.browser.newPage();
  await page.goto(env.server.url + path);
  const toggle = page.locator('#step-2 .step-title button');
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#step-2-body').isVisible(), false, 'folded');
  assert.equal(await page.locator('#step-2 h2').count(), 1, 'the heading stays a heading');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator('#step-2-body').isVisible());
  await page.locator('#steps-all').click();
  assert.ok(await page.locator('#step-1-body').isVisible());
  assert.equal(await page.locator('#steps-all').innerText(), 'Aizvērt visus soļus');
  assert.ok(await page.locator('#questions button[type=submit]').isVisible());
  await page.close();
});

test('issue 15: a service page links to its step of each life situation, and the link opens that step', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url + '/lv/pakalpojumi/vsaa-slimibas-pabalsts/');
  const link = page.locator('.part-of a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^\/lv\/dzives-situacijas\/[^/]+\/#step-\d+$/);
  assert.match(await link.innerText(), /^\d+\. solis: /);
  await link.click();
  const id = href.split('#')[1];
  await page.waitForFunction((i) => document.querySelector(`#${i} .step-title button`)?.getAttribute('aria-expanded') === 'true', id);
  assert.ok(await page.locator(`#${id}-body`).isVisible());
  await page.close();
});

test('issue 14, issue 15: axe-core finds no WCAG 2.1 A/AA violation on results pages and folded steps', async () => {
  const found = {};
  for (const js of [false, true]) {
    // Without the site's scripts (blocked, so that axe itself can still run): what a
    // browser without JavaScript gets.
    const ctx = await env.browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
    if (!js) await ctx.route(/\/assets\/(app|core)\.js$/, (r) => r.abort());
    const page = await ctx.newPage();
    for (const path of ['/lv/meklet/?q=pabalsts', '/lv/meklet/?q=' + encodeURIComponent('makšķerēšanas karte'),
      '/en/search/?q=qzxvw', '/lv/meklet/?q=' + 'a'.repeat(200), '/lv/dzives-situacijas/darba-zaudesana/',
      '/en/services/vsaa-slimibas-pabalsts/']) {
      await page.goto(env.server.url + path);
      if (js && path.includes('?q=p')) await page.locator('#search-answer #live-results').waitFor({ timeout: 15000 });
      if (js && path.includes('situ')) await page.locator('.step-toggle').first().waitFor();
      await page.addScriptTag({ content: axeSource });
      const v = await page.evaluate(async () => {
        const r = await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return r.violations.map((x) => `${x.id}: ${x.nodes.length}× e.g. ${x.nodes[0].target.join(' ')}`);
      });
      if (v.length) found[`${js ? 'js' : 'no js'} ${path.slice(0, 60)}`] = v;
    }
    await ctx.close();
  }
  assert.deepEqual(found, {});
});
