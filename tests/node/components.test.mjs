// Issue 16: page components keep their styles and scripts in their own folders
// (core/site/components/<name>/), and the browser still gets them at the old
// addresses; one wasm loader, so a page downloads the core and the snapshot once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dist, launchBrowser, loadCore, root, snapshotBytes, startServer } from './helpers.mjs';

const components = join(root, 'core/site/components');
const names = readdirSync(components, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

let server, browser;
before(async () => {
  server = await startServer(dist);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('issue 16: pietura.css and app.js are the shared file then each component\'s part, in name order', () => {
  for (const [file, ext] of [['pietura.css', 'css'], ['app.js', 'js']]) {
    const built = readFileSync(join(dist, 'assets', file), 'utf8');
    const own = readFileSync(join(root, 'web/assets', file), 'utf8');
    assert.ok(built.startsWith(own), `${file} starts with web/assets/${file}`);
    let at = own.length;
    let parts = 0;
    for (const name of names) {
      const part = join(components, name, `${name}.${ext}`);
      if (!existsSync(part)) continue;
      const i = built.indexOf(readFileSync(part, 'utf8'), at);
      assert.ok(i >= at, `${name}.${ext} appended after the parts before it`);
      at = i;
      parts++;
    }
    assert.ok(parts >= 3, `${file}: ${parts} component parts`);
  }
  // The addresses pages use have not changed.
  const page = readFileSync(join(dist, 'en/contact-points/index.html'), 'utf8');
  assert.match(page, /<link rel="stylesheet" href="\/assets\/pietura.css">/);
  assert.match(page, /<script type="module" src="\/assets\/app.js"><\/script>/);
  assert.match(page, /<noscript><link rel="stylesheet" href="\/assets\/nojs.css"><\/noscript>/);
});

test('issue 16: component styles and scripts work in the page (finder styled, search and week view live)', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/en/contact-points/vpvkac-cesis/');
  // week_view.js fills the days ahead; search_form.css lays out the search row.
  await page.locator('#week').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('#week .week-table tbody tr').count(), 7);
  assert.equal(await page.locator('.search-row').evaluate((el) => getComputedStyle(el).display), 'flex');
  await page.goto(server.url + '/en/contact-points/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('#finder').evaluate((el) => getComputedStyle(el).borderTopStyle), 'solid');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('issue 16: a booking page fetches pietura.wasm and the snapshot exactly once', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const fetched = { wasm: 0, snapshot: 0 };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/assets/pietura.wasm') fetched.wasm++;
    if (path === '/catalogue.sqlite') fetched.snapshot++;
  });
  // The offline step: booking.js takes the times from the core…
  await page.goto(server.url + '/en/consultation/offline/?choice=vzd%3Akadastrs&contact_point=vpvkac-cesis');
  await page.locator('#booking-offline').waitFor({ state: 'visible', timeout: 15000 });
  assert.ok(await page.locator('#offline-slots input[name=start]').count() > 0);
  // …and app.js's search as you type asks the same core.
  await page.locator('#q').fill('pase');
  await page.locator('#search-results li').first().waitFor({ timeout: 10000 });
  assert.deepEqual(fetched, { wasm: 1, snapshot: 1 });
  await ctx.close();
});

const attr = (html, name) => JSON.parse(html.match(new RegExp(`${name}="([^"]*)"`))[1]
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

test('issue 16: the finder\'s cards are the municipality pages\' nearby_item, rendered by the core', async () => {
  const M = await loadCore();
  const cat = new M.Catalogue(snapshotBytes());
  try {
    const list = readFileSync(join(dist, 'en/contact-points/index.html'), 'utf8');
    const labels = attr(list, 'data-card-strings');
    const [card] = cat.nearestCards(57.3119, 25.2706, { limit: 1 }, Date.parse('2026-11-30T08:00:00Z'), 'en', labels);
    assert.match(card, /^<li class="nearby">\n<h3><a class="nb-name" href="\/en\/contact-points\/vpvkac-cesis\/">/);
    const page = readFileSync(join(dist, 'en/nearest/cesu-novads/index.html'), 'utf8');
    const onPage = page.slice(page.indexOf('<li class="nearby">\n<h3><a class="nb-name" href="/en/contact-points/vpvkac-cesis/"'));
    const rows = (html) => html.slice(0, html.indexOf('</li>')).match(/<div><dt>[^<]*<\/dt><dd>.*<\/dd><\/div>/g)
      .filter((r) => !r.includes('>Opening hours<') && !r.includes('>Hours<'));
    assert.ok(onPage.length > 0, 'the municipality page lists Cēsis');
    // The same rows, the same words, the same links: one implementation.
    assert.deepEqual(rows(card), rows(onPage));
    // A label the page did not hand over is an error, never a hole in the card.
    assert.throws(() => cat.nearestCards(57.31, 25.27, { limit: 1 }, Date.now(), 'en', {}), /cp\./);
  } finally {
    cat.delete();
  }
});

test('issue 16: the offline step\'s error summary is the core\'s validation, in the page\'s language', async () => {
  const M = await loadCore();
  for (const [path, lang, words] of [['en/consultation/offline/index.html', 'en', /Fill in this field\./],
    ['lv/konsultacija/bezsaiste/index.html', 'lv', /Aizpildiet šo lauku\./]]) {
    const labels = attr(readFileSync(join(dist, path), 'utf8'), 'data-error-strings');
    // The consultation in the other language: the messages still follow the page.
    const other = lang === 'en' ? 'lv' : 'en';
    const out = M.bookingErrors({ name: '', phone: '', email: '', lang: other }, lang, labels);
    assert.ok(out.count >= 2, `${lang}: ${out.count} errors`);
    assert.match(out.html, /^<div class="error-summary" role="alert"/);
    assert.match(out.html, words);
    assert.match(out.html, new RegExp(`<a href="#f-name">${labels['book.name'].replace(/[()?]/g, '\\$&')}: `));
    assert.deepEqual(M.bookingErrors({ name: 'A B', phone: '+371 29 123 456', lang: 'lv', start: Date.parse('2026-12-21T08:00:00Z'),
      institution: 'vsaa', topic: 'pensijas', contact_point: 'vpvkac-cesis' }, lang, labels), { count: 0, html: '' });
  }
  assert.throws(() => M.bookingErrors({}, 'de', {}), RangeError);
});

test('issue 16: the offline step\'s times are the server\'s slot_list, from the core', async () => {
  const M = await loadCore();
  const cat = new M.Catalogue(snapshotBytes());
  try {
    const html = cat.slotList('vsaa', 'vpvkac-cesis', '2026-12-21', 7, Date.parse('2026-12-18T08:00:00Z'), 'en');
    assert.match(html, /^<fieldset class="day"><legend>Monday 21 December<\/legend>/);
    const free = cat.slots('vsaa', 'vpvkac-cesis', '2026-12-21', 7, Date.parse('2026-12-18T08:00:00Z'), 'en').filter((x) => x.free > 0);
    assert.equal((html.match(/name="start"/g) || []).length, free.length);
    assert.ok(html.includes(`value="${free[0].start / 1000}"`));
    assert.equal(cat.slotList('vid', 'vpvkac-valka', '2026-12-21', 7, Date.now(), 'lv'), null, 'nothing offered there');
  } finally {
    cat.delete();
  }
});
