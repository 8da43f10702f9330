// The search shard (issue 13): the browser answers its first searches from a small
// per-language SQLite file (/search-lv.sqlite) instead of the whole snapshot, with
// the same core search, so the answers are the same; a damaged shard is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dist, loadCore, root, serverAndBrowser, snapshotBytes } from './helpers.mjs';

const shardBytes = (lang) => new Uint8Array(readFileSync(join(dist, `search-${lang}.sqlite`)));
const readTsv = (name) => readFileSync(join(root, 'tests/search', name), 'utf8')
  .split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));

let M, cat, shards;
before(async () => {
  M = await loadCore();
  cat = new M.Catalogue(snapshotBytes());
  shards = { lv: new M.SearchShard(shardBytes('lv'), 'lv'), en: new M.SearchShard(shardBytes('en'), 'en') };
});
after(() => {
  cat?.delete();
  for (const s of Object.values(shards ?? {})) s.delete();
});

test('issue 13: the build writes a shard per language, listed in the manifest, far smaller than the snapshot', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const whole = statSync(join(dist, 'catalogue.sqlite')).size;
  for (const lang of ['lv', 'en']) {
    const entry = manifest.search_shards[lang];
    assert.equal(entry.path, `search-${lang}.sqlite`);
    assert.equal(entry.bytes, statSync(join(dist, entry.path)).size);
    assert.ok(manifest.files.some((f) => f.path === entry.path), 'in the offline copy');
    assert.ok(entry.bytes * 2 < whole, `${lang} shard ${entry.bytes} B vs snapshot ${whole} B`);
    assert.equal(shards[lang].lang(), lang);
    assert.equal(shards[lang].contentVersion(), cat.contentVersion());
  }
});

test('issue 13: every relevance and no-answer query, as typed, gets the same hits and markup from the shard', () => {
  const rows = [...readTsv('relevance.tsv'), ...readTsv('no_answer.tsv').map(([lang, query]) => [lang, query])];
  let compared = 0, at3 = 0, rel = 0;
  for (const [lang, query, expected] of rows) {
    for (let n = 1; n <= query.length; n++) {
      const q = query.slice(0, n);
      assert.deepEqual(shards[lang].search(q, lang, 100), cat.search(q, lang, 100), `${lang} "${q}"`);
      compared++;
    }
    if (expected) {
      rel++;
      if (shards[lang].search(query, lang, 3).some((h) => h.id === expected)) at3++;
    }
  }
  console.log(`search shard: ${compared} typed queries identical to the snapshot; recall@3 ${(at3 / rel).toFixed(3)}`);
  assert.ok(compared > 1000);
});

test('issue 13: the search-first module gives the same hits as the whole core, and only the search', async () => {
  const require = createRequire(import.meta.url);
  const S = await require(join(dist, 'assets/pietura-search.js'))({
    wasmBinary: readFileSync(join(dist, 'assets/pietura-search.wasm')) });
  const shard = new S.SearchShard(shardBytes('lv'), 'lv');
  try {
    for (const [lang, query] of readTsv('relevance.tsv').filter(([l]) => l === 'lv'))
      assert.deepEqual(shard.search(query, lang, 100), cat.search(query, lang, 100), query);
    assert.equal(S.Catalogue, undefined, 'no whole-core exports in the search-first module');
    assert.throws(() => new S.SearchShard(snapshotBytes(), 'lv'), /Pietura snapshot rejected: .*not a search shard/);
  } finally {
    shard.delete();
  }
  const small = statSync(join(dist, 'assets/pietura-search.wasm')).size;
  const whole = statSync(join(dist, 'assets/pietura.wasm')).size;
  console.log(`search-first module ${small} B, whole core ${whole} B`);
  assert.ok(small < whole * 0.9);
});

test('issue 13: the shard renders the search page results exactly as the snapshot does', () => {
  const page = readFileSync(join(dist, 'lv/meklet/index.html'), 'utf8');
  const attr = page.match(/data-results-strings="([^"]*)"/)[1]
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const strings = JSON.parse(attr);
  for (const q of ['pabalsts', 'slimibas pabalstu', 'pase', 'laulības reģistrēšana', 'zzzz'])
    for (const p of [1, 2]) assert.equal(shards.lv.resultsHtml(q, 'lv', p, strings), cat.resultsHtml(q, 'lv', p, strings), q);
});

test('issue 13: a damaged, wrong or missing shard is refused with a clear error, never a crash', () => {
  const good = shardBytes('lv');
  const refused = (bytes, lang, words) => assert.throws(() => new M.SearchShard(bytes, lang),
    (e) => e instanceof Error && e.message.startsWith('Pietura snapshot rejected: ') && e.message.includes(words), words);
  refused(good.slice(0, good.length >> 1), 'lv', 'truncated');
  refused(new Uint8Array(0), 'lv', 'no bytes');
  refused(new Uint8Array(600), 'lv', 'not a SQLite database');
  refused(shardBytes('en'), 'lv', 'search shard of "en"');
  refused(snapshotBytes(), 'lv', 'not a search shard');
  assert.throws(() => new M.Catalogue(good), /is a search shard/);
  assert.throws(() => new M.SearchShard('not bytes', 'lv'), TypeError);
  assert.throws(() => new M.SearchShard(good, 'de'), RangeError);
  assert.throws(() => shards.lv.search('pabalsts', 'en', 10), RangeError);
  // Flipped bytes anywhere: every opening answers or throws an Error, and the module keeps working.
  let seed = 13;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 150; i++) {
    const bad = good.slice();
    bad[100 + Math.floor(rnd() * (bad.length - 100))] ^= 1 + Math.floor(rnd() * 255);
    try {
      const s = new M.SearchShard(bad, 'lv');
      try { s.search('slimibas pabalsts', 'lv', 10); s.search('pase', 'lv', 10); } catch (e) { assert.ok(e instanceof Error); }
      s.delete();
    } catch (e) {
      assert.ok(e instanceof Error && e.message.length > 10);
    }
  }
  assert.equal(shards.lv.search('slimibas pabalsts', 'lv', 1)[0].id, 'vsaa-slimibas-pabalsts');
});

// In the browser: the search page answers from the shard and never waits for the snapshot.
// As on a plain static host: with `pietura serve` the first answers come from the server
// (search-server-first.test.mjs), and the shard only after them.
const env = serverAndBrowser({ before, after });
test('issue 13: the search page answers from the language shard without downloading the snapshot', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.route(/\/api\/search/, (route) => route.fulfill({ status: 404, body: '' }));
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(env.server.url + '/lv/meklet/');
  await page.fill('#q', 'slimibas pabalsts');
  await page.waitForSelector('#live-results-list a');
  const first = await page.textContent('#live-results-list a');
  assert.match(first, /Slimības pabalsts/);
  assert.ok(asked.includes('/search-lv.sqlite'), asked.join(' '));
  assert.ok(!asked.includes('/catalogue.sqlite'), 'the whole snapshot was not needed: ' + asked.join(' '));
  assert.ok(!asked.includes('/search-en.sqlite'));
  assert.ok(asked.includes('/assets/pietura-search.wasm') && !asked.includes('/assets/pietura.wasm'),
    'the search-first module, not the whole core: ' + asked.join(' '));
  // The header box of an English page asks the English shard.
  await page.goto(env.server.url + '/en/');
  await page.fill('#q', 'sickness benefit');
  await page.waitForSelector('#search-results a');
  assert.ok(asked.includes('/search-en.sqlite'));
  await ctx.close();
});

test('issue 13: the core\'s wasm is asked for with its glue, not after it, and a missing one still leaves the page an answer', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.route(/\/api\/search/, (route) => route.fulfill({ status: 404, body: '' }));
  // The glue takes 800 ms to arrive: a wasm asked for by the glue itself would be asked later.
  let glueDelivered = null;
  await page.route(/\/assets\/pietura-search\.js$/, async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 800));
    glueDelivered = Date.now();
    await route.fulfill({ response });
  });
  let wasmAsked = null;
  page.on('request', (r) => { if (r.url().endsWith('/assets/pietura-search.wasm')) wasmAsked ??= Date.now(); });
  await page.goto(env.server.url + '/lv/meklet/');
  await page.fill('#q', 'slimibas pabalsts');
  await page.waitForSelector('#live-results-list a');
  assert.match(await page.textContent('#live-results-list a'), /Slimības pabalsts/);
  assert.ok(wasmAsked !== null && glueDelivered !== null && wasmAsked < glueDelivered,
    `the wasm was asked for ${wasmAsked - glueDelivered} ms after its glue arrived`);
  await ctx.close();

  // Without the search-first module's wasm the whole core answers, as it does without the module.
  const ctx2 = await env.browser.newContext({ serviceWorkers: 'block' });
  const page2 = await ctx2.newPage();
  await page2.route(/\/api\/search/, (route) => route.fulfill({ status: 404, body: '' }));
  await page2.route(/\/assets\/pietura-search\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page2.goto(env.server.url + '/lv/meklet/');
  await page2.fill('#q', 'slimibas pabalsts');
  await page2.waitForSelector('#live-results-list a');
  assert.match(await page2.textContent('#live-results-list a'), /Slimības pabalsts/);
  await ctx2.close();
});
