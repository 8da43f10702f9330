// Issue 13: the offline copy must not compete with the citizen's first answer, and it
// holds only what a citizen uses. The real server, the real service worker, Debian's
// Chromium; app.js is kept off the page so the worker is driven step by step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAndBrowser, waitForOfflineCopy, dist } from './helpers.mjs';

const env = serverAndBrowser({ before, after });

const siteCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('pietura-site-')));

test('issue 13: installing the service worker downloads nothing until a page asks for the copy', async () => {
  const ctx = await env.browser.newContext();
  // The page gets no app.js (so nothing asks for the copy); the worker gets the real
  // file, which its copy checks against the manifest's digest.
  await ctx.route('**/assets/app.js', (route) => (route.request().serviceWorker()
    ? route.continue() : route.fulfill({ status: 200, contentType: 'text/javascript', body: '' })));
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/lv/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
  });
  // Installed and active: an old worker had the whole build by now (it copied on install).
  await page.waitForTimeout(1500);
  assert.deepEqual(await siteCaches(page), []);

  await page.reload(); // now controlled by the worker
  await page.evaluate(() => navigator.serviceWorker.controller.postMessage({ type: 'check-update' }));
  await waitForOfflineCopy(page);
  assert.equal((await siteCaches(page)).length, 1);
  await ctx.close();
});

test('issue 13: the editors\' studio is never in a citizen\'s offline copy', async () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const studioFiles = manifest.files.filter((f) => f.path.startsWith('studio/'));
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/lv/');
  await waitForOfflineCopy(page);
  const keys = await page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('pietura-site-'));
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(keys.includes('/lv/'), 'the copy holds the pages');
  assert.ok(keys.includes('/catalogue.sqlite'), 'the copy holds the snapshot');
  assert.deepEqual(keys.filter((k) => k.startsWith('/studio/')), []);
  // Without the studio and the pages kept on visit (the page pack renders those, issue 13)
  // the copy is every other file of the build, and the manifest itself.
  assert.ok(studioFiles.length > 0, 'this build publishes a studio');
  const copied = manifest.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit);
  assert.equal(keys.length, copied.length + 1);
  await ctx.close();
});
