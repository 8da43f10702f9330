// Issue 13: an update after one service's text changed downloads only what changed.
// The offline copy of the previous build already holds every other file; a page whose
// only difference is the build's content version (its footer and <meta>) is taken from
// there with the version replaced, and checked against the new manifest's digest.
// The real server, the real service worker, Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { servedTempSite, cli, root, waitForOfflineCopy } from './helpers.mjs';

// The hook may run before servedTempSite returns: keep what it is given.
let content, siteDir;
const site = () => siteDir;
const env = servedTempSite({ before, after }, ({ tmp, site: dir }) => {
  siteDir = dir;
  content = join(tmp, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  build();
});

function build() {
  execFileSync(cli, ['build', '--quiet', '--content', content, '--out', site()], { cwd: root });
}
const manifestOf = () => JSON.parse(readFileSync(join(site(), 'manifest.json'), 'utf8'));
// What a file costs on the wire: its brotli copy when the build wrote one.
const wireBytes = (path) => { try { return statSync(join(site(), path + '.br')).size; } catch { return statSync(join(site(), path)).size; } };

test('issue 13: an update after one service\'s text changed fetches only the files that changed', async () => {
  const ctx = await env.browser.newContext();
  const fetchedByWorker = [];
  await ctx.route('**/*', (route) => {
    const r = route.request();
    if (r.serviceWorker()) fetchedByWorker.push(new URL(r.url()).pathname.slice(1));
    return route.continue();
  });
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/en/');
  await waitForOfflineCopy(page);
  const before = manifestOf();
  // The copy: every file but the studio and the pages kept on visit (the pack renders them).
  const offline = before.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit);
  assert.ok(offline.every((f) => fetchedByWorker.includes(f.path)), 'the first copy downloaded every file');
  const oldBytes = new Map(offline.map((f) => [f.path, readFileSync(join(site(), f.path))]));

  // One service's text changes; the editor rebuilds into the served directory.
  const file = join(content, 'services/vsaa-slimibas-pabalsts.json');
  const service = JSON.parse(readFileSync(file, 'utf8'));
  service.summary.en += ' Updated for this test.';
  writeFileSync(file, JSON.stringify(service, null, 2) + '\n');
  build();
  const after = manifestOf();
  assert.notEqual(after.content_version, before.content_version);

  // Files that really changed: their bytes differ from the old build's beyond the version string.
  const changed = after.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit).filter((f) => {
    const old = oldBytes.get(f.path);
    if (!old) return true;
    const now = readFileSync(join(site(), f.path));
    if (f.path.endsWith('.html')) return old.toString('utf8').split(before.content_version).join(after.content_version) !== now.toString('utf8');
    return !old.equals(now);
  }).map((f) => f.path);
  assert.ok(changed.includes('site-pack.jsonl'), changed.join(' '));
  assert.ok(changed.length < 20, `few files changed: ${changed.join(' ')}`);

  fetchedByWorker.length = 0;
  await page.reload();
  await page.locator('#update-banner .banner-reload').waitFor({ state: 'visible', timeout: 60000 });
  const fetched = fetchedByWorker.filter((p) => p !== 'manifest.json');
  assert.deepEqual([...new Set(fetched)].sort(), [...changed].sort(), 'the worker fetched exactly the changed files');

  // The figure the issue asks for: the update's share of the offline copy, on the wire.
  const install = offline.reduce((sum, f) => sum + wireBytes(f.path), 0);
  const update = changed.reduce((sum, p) => sum + wireBytes(p), 0) + wireBytes('manifest.json');
  console.log(`offline copy ${(install / 1024).toFixed(0)} KB on the wire (brotli); update after one service's text changed: ` +
    `${changed.length} files, ${(update / 1024).toFixed(0)} KB = ${(100 * update / install).toFixed(1)} % of it`);

  // The update is whole: applied, the changed page shows the new text, offline too.
  await Promise.all([page.waitForEvent('load'), page.locator('#update-banner .banner-reload').click()]);
  await page.waitForFunction((v) => document.querySelector('meta[name="pietura-content-version"]').content === v,
    after.content_version, { timeout: 15000 });
  await ctx.setOffline(true);
  await page.goto(env.server.url + '/en/services/vsaa-slimibas-pabalsts/');
  assert.match(await page.textContent('main'), /Updated for this test\./);
  await page.goto(env.server.url + '/lv/');
  assert.equal(await page.getAttribute('meta[name="pietura-content-version"]', 'content'), after.content_version,
    'an unchanged page carries the new version');
  await ctx.close();
});
