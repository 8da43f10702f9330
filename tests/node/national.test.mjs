// Issue 13 at the size it is built for: the generated national catalogue (3,400 services,
// 587 contact points), built by `pietura build`, served by the real server, in Debian's
// Chromium with the real service worker. The first answer comes before the offline copy
// asks for anything; after one visit a service page and a contact-point page never
// opened, and search, work with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, servedTempSite, waitForOfflineCopy } from './helpers.mjs';

let content;
const env = servedTempSite({ before, after }, ({ tmp, site }) => {
  content = join(tmp, 'content');
  execFileSync('node', [join(root, 'tools/gen-catalogue.mjs'), content, '--services', '3400', '--contact-points', '587'],
    { stdio: 'ignore' });
  execFileSync(cli, ['build', '--quiet', '--content', content, '--out', site, '--i18n', join(root, 'i18n'),
    '--web', join(root, 'web'), '--wasm', join(root, 'build-wasm/wasm')], { stdio: 'ignore' });
});

// The n-th record of a kind, in file order (a generated one, far from the sample's).
const record = (kind, n) => {
  const files = readdirSync(join(content, kind)).filter((f) => f.endsWith('.json')).sort();
  return JSON.parse(readFileSync(join(content, kind, files[n % files.length]), 'utf8'));
};

test('issue 13: at the national catalogue the first answer comes before the offline copy starts; offline, unvisited pages and search work', async () => {
  const ctx = await env.browser.newContext();
  const workerFetches = []; // [time, path] of the service worker's script and what it asks for
  await ctx.route('**/*', (route) => {
    const r = route.request();
    const path = new URL(r.url()).pathname;
    if (r.serviceWorker() || path === '/sw.js') workerFetches.push([Date.now(), path]);
    return route.continue();
  });
  const page = await ctx.newPage();
  // Typed as soon as the box is there, as the benchmark does: before the page has loaded.
  // The answer's time is taken in the page, when the result is in the document.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const q = document.getElementById('q');
    q.value = 'slimibas pabalstu';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    new MutationObserver(() => {
      if (window.answeredAt === undefined && document.querySelector('#live-results-list a')) window.answeredAt = Date.now();
    }).observe(document.body, { childList: true, subtree: true });
  }));
  await page.goto(env.server.url + '/lv/meklet/', { waitUntil: 'commit' });
  await page.locator('#live-results-list a').first().waitFor({ timeout: 30000 });
  const answered = await page.evaluate(() => window.answeredAt);
  assert.match(await page.locator('#live-results-list a').first().textContent(), /Slimības pabalsts/);
  await waitForOfflineCopy(page);
  assert.ok(workerFetches.length > 0, 'the copy was made');
  assert.ok(workerFetches[0][0] >= answered,
    `the copy started ${answered - workerFetches[0][0]} ms before the first answer, with ${workerFetches[0][1]}`);

  await ctx.setOffline(true);
  const service = record('services', 2000);
  const res = await page.goto(env.server.url + `/lv/pakalpojumi/${service.id}/`);
  assert.equal(res.status(), 200);
  assert.equal((await page.locator('h1').textContent()).trim(), service.title.lv, 'a service page never opened');
  const point = record('contact-points', 400);
  await page.goto(env.server.url + `/en/contact-points/${point.id}/`);
  assert.equal((await page.locator('h1').textContent()).trim(), point.name.en, 'a contact-point page never opened');
  await page.goto(env.server.url + '/en/search/');
  await page.locator('#q').fill('sickness benefit');
  await page.locator('#live-results-list a').first().waitFor({ timeout: 30000 });
  assert.match(await page.locator('#live-results-list a').first().textContent(), /Sickness benefit/i);
  await ctx.close();
});
