// Issue 13: an update after one service's text changed downloads only what changed.
// The offline copy of the previous build already holds every other file; a page whose
// only difference is the build's content version (its footer and <meta>) is taken from
// there with the version replaced, and checked against the new manifest's digest. The
// snapshot, the shards and the page pack come as deltas from the copy's files (the goal:
// the update is at most 10 % of the copy on the wire); a damaged delta falls back to the
// whole file.
// The real server, the real service worker, Debian's Chromium.
//
// Shared by offline-update.test.mjs (the default content) and
// offline-update-national.test.mjs (the generated national catalogue): each test file
// calls updateJourney() once, with the content it starts from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { servedTempSite, cli, root, waitForOfflineCopy } from './helpers.mjs';
import { manifestOf as readManifest, offlineFiles, deltasOf, snapshotCopy, updateAgainst, describeUpdate } from '../../tools/update-share.mjs';

// `fill(dir)` writes the content the site is built from into dir; `label` names it in
// the tests' names ('' for the default content); `damagedDelta` adds the test of a
// damaged delta.
export function updateJourney({ label = '', fill, damagedDelta = true }) {
  const at = label ? `${label}: ` : '';
  // The hook may run before servedTempSite returns: keep what it is given.
  let content, siteDir;
  const site = () => siteDir;
  const env = servedTempSite({ before, after }, ({ tmp, site: dir }) => {
    siteDir = dir;
    content = join(tmp, 'content');
    fill(content);
    build();
  });

  function build() {
    execFileSync(cli, ['build', '--quiet', '--content', content, '--out', site()], { cwd: root });
  }
  const manifestOf = () => readManifest(site());
  const keyOf = (path) => '/' + path.replace(/(^|\/)index\.html$/, '$1');

  // The worker's staged or active copy of build `m` holds every file of it byte for byte.
  async function assertCopyMatches(page, m) {
    const files = m.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit)
      .map((f) => ({ key: keyOf(f.path), sha256: f.sha256 }));
    const wrong = await page.evaluate(async ({ name, files }) => {
      const cache = await caches.open(name);
      const out = [];
      for (const f of files) {
        const r = await cache.match(f.key);
        const d = r && new Uint8Array(await crypto.subtle.digest('SHA-256', await r.arrayBuffer()));
        if (!d || Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('') !== f.sha256) out.push(f.key);
      }
      return out;
    }, { name: 'pietura-site-' + m.site_version, files });
    assert.deepEqual(wrong, [], 'every file of the copy matches the manifest');
  }

  // The keys a copy holds; before0() is the build the page was first copied from.
  const keysOf = (page, version) => page.evaluate(async (name) =>
    (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), 'pietura-site-' + version);
  const before0 = () => manifestOf().site_version;

  function changeService(edit) {
    const file = join(content, 'services/vsaa-slimibas-pabalsts.json');
    const service = JSON.parse(readFileSync(file, 'utf8'));
    edit(service);
    writeFileSync(file, JSON.stringify(service, null, 2) + '\n');
  }

  test(`issue 13: ${at}an update after one service's text changed fetches only the files that changed`, async () => {
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
    // Two pages visited, and so kept: the one whose service changes and another one.
    const visited = ['/en/services/vsaa-slimibas-pabalsts/', '/lv/pakalpojumi/pmlp-dzivesvietas-deklaresana/'];
    for (const key of visited) {
      await page.goto(env.server.url + key);
      // Kept once the worker's page renderer has checked it (seconds on a busy machine).
      for (let t = 0; t < 300 && !(await keysOf(page, before0())).includes(key); ++t) await new Promise((r) => setTimeout(r, 100));
      assert.ok((await keysOf(page, before0())).includes(key), `${key} was kept in the copy on its visit`);
    }
    const copy = snapshotCopy(site());
    const before = copy.before;
    // The copy: every file but the studio and the pages kept on visit (the pack renders them).
    const offline = offlineFiles(before);
    assert.ok(offline.every((f) => fetchedByWorker.includes(f.path)), 'the first copy downloaded every file');
    const oldBytes = copy.bytes;

    // One service's text changes; the editor rebuilds into the served directory.
    changeService((service) => { service.summary.en += ' Updated for this test.'; });
    build();
    const u = updateAgainst(site(), copy);
    const { after, changed, deltas, fetched: expected } = u;
    assert.notEqual(after.content_version, before.content_version);
    assert.ok(changed.includes('site-pack.jsonl'), changed.join(' '));
    assert.ok(changed.length < 20, `few files changed: ${changed.join(' ')}`);

    // The snapshot, both shards and the page pack come as deltas from the copy's files.
    for (const p of ['catalogue.sqlite', 'search-lv.sqlite', 'search-en.sqlite', 'site-pack.jsonl']) {
      assert.ok(changed.includes(p), `${p} changed`);
      assert.equal(deltas.get(p)?.from, before.files.find((f) => f.path === p).sha256, `${p} has a delta from the copy's file`);
    }
    // The worker's applyDelta (the core's, in the pages module) gives each new file byte for byte.
    const M = await createRequire(import.meta.url)(join(site(), 'assets/pietura-pages.js'))(
      { wasmBinary: readFileSync(join(site(), 'assets/pietura-pages.wasm')) });
    for (const [p, d] of deltas) {
      const made = M.applyDelta(new Uint8Array(oldBytes.get(p)), new Uint8Array(readFileSync(join(site(), d.path))));
      assert.ok(Buffer.from(made).equals(readFileSync(join(site(), p))), `${p} from its delta`);
    }

    fetchedByWorker.length = 0;
    await page.reload();
    await page.locator('#update-banner .banner-reload').waitFor({ state: 'visible', timeout: 60000 });
    const fetched = fetchedByWorker.filter((p) => p !== 'manifest.json');
    assert.deepEqual([...new Set(fetched)].sort(), [...expected].sort(),
      'the worker fetched the changed files, the large ones as deltas, and nothing else');

    // The figure the issue asks for: the update's share of the offline copy, on the wire.
    console.log(describeUpdate(u));
    const { update, install } = u;
    assert.ok(update <= 0.1 * install, `the update is at most 10 % of the offline copy: ${update} of ${install} bytes`);
    await assertCopyMatches(page, after);
    // The visited pages came along as the new build's pages, the changed one with its new text.
    const keptNow = await keysOf(page, after.site_version);
    for (const key of visited) {
      assert.ok(keptNow.includes(key), `${key} is still in the copy`);
      const text = await page.evaluate(async ({ name, key }) => (await (await caches.open(name)).match(key)).text(),
        { name: 'pietura-site-' + after.site_version, key });
      assert.equal(text, readFileSync(join(site(), key.slice(1), 'index.html'), 'utf8'), `${key} is the new build's page`);
    }

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

  if (damagedDelta) test(`issue 13: ${at}a damaged delta is refused and the whole file downloaded instead; the copy still matches the manifest`, async () => {
    const ctx = await env.browser.newContext();
    const fetchedByWorker = [];
    let damage = false;
    await ctx.route('**/*', (route) => {
      const r = route.request();
      const path = new URL(r.url()).pathname.slice(1);
      if (r.serviceWorker()) fetchedByWorker.push(path);
      // Served with wrong bytes: the core refuses each (its checksums), or the digest does.
      if (damage && path.endsWith('.delta')) return route.fulfill({ status: 200, body: Buffer.from('PTDELTA\x01 damaged on the way') });
      return route.continue();
    });
    const page = await ctx.newPage();
    await page.goto(env.server.url + '/en/');
    await waitForOfflineCopy(page);
    const before = manifestOf();

    changeService((service) => { service.summary.lv += ' Vēlreiz mainīts šim testam.'; });
    build();
    const after = manifestOf();
    const deltas = deltasOf(after);
    assert.ok(deltas.has('catalogue.sqlite') && deltas.has('site-pack.jsonl'), 'the build offers deltas');

    damage = true;
    fetchedByWorker.length = 0;
    await page.reload();
    await page.locator('#update-banner .banner-reload').waitFor({ state: 'visible', timeout: 60000 });
    for (const [path, d] of deltas) {
      assert.ok(fetchedByWorker.includes(d.path), `${d.path} was tried`);
      assert.ok(fetchedByWorker.includes(path), `${path} was downloaded whole after its delta failed`);
    }
    await assertCopyMatches(page, after);

    // Until it is applied the previous copy answers; then the new one does, offline too.
    assert.equal(await page.getAttribute('meta[name="pietura-content-version"]', 'content'), before.content_version);
    await Promise.all([page.waitForEvent('load'), page.locator('#update-banner .banner-reload').click()]);
    await page.waitForFunction((v) => document.querySelector('meta[name="pietura-content-version"]').content === v,
      after.content_version, { timeout: 15000 });
    await ctx.setOffline(true);
    await page.goto(env.server.url + '/lv/pakalpojumi/vsaa-slimibas-pabalsts/');
    assert.match(await page.textContent('main'), /Vēlreiz mainīts šim testam\./);
    await ctx.close();
  });
}
