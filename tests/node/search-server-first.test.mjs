// The first search answers from the server (issue 13): until the page's own core has
// arrived, `pietura serve` answers the search box and the search page from the same
// C++ core — the same hits and the same results markup the browser's core gives —
// and the page's core downloads only after that answer, then takes over. On a plain
// static host the page's core answers, as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, loadCore, root, serverAndBrowser, snapshotBytes, startServer } from './helpers.mjs';

const readTsv = (name) => readFileSync(join(root, 'tests/search', name), 'utf8')
  .split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));
const i18n = { lv: JSON.parse(readFileSync(join(root, 'i18n/lv.json'), 'utf8')), en: JSON.parse(readFileSync(join(root, 'i18n/en.json'), 'utf8')) };

let M, cat;
before(async () => {
  M = await loadCore();
  cat = new M.Catalogue(snapshotBytes());
});
after(() => cat?.delete());
const env = serverAndBrowser({ before, after });

const api = (path, params) => fetch(env.server.url + path + '?' + new URLSearchParams(params));

test('issue 13: /api/search and /api/search/results answer exactly as the browser core does', async () => {
  const rows = [...readTsv('relevance.tsv'), ...readTsv('no_answer.tsv')];
  let compared = 0;
  for (const [lang, query] of rows) {
    const r = await api('/api/search', { lang, q: query, limit: '100' });
    assert.equal(r.status, 200, `${lang} "${query}"`);
    assert.equal(r.headers.get('cache-control'), 'no-store', 'a query never goes into the HTTP cache');
    const served = await r.json();
    const own = cat.search(query, lang, 100);
    assert.deepEqual(served.hits.map(({ score, ...h }) => h), own.map(({ score, ...h }) => h), `${lang} "${query}"`);
    served.hits.forEach((h, i) => assert.ok(Math.abs(h.score - own[i].score) < 1e-9 * Math.max(1, Math.abs(h.score))));
    assert.equal(served.count, cat.resultsCount(own.length, lang, i18n[lang]), 'the count in words, by the same plural rules');

    const page = await api('/api/search/results', { lang, q: query, lapa: '2' });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.equal(await page.text(), cat.resultsHtml(query, lang, 2, i18n[lang]), `${lang} "${query}" markup`);
    compared++;
  }
  assert.ok(compared > 200, `${compared} queries compared`);
});

test('issue 13: the search API refuses what it cannot answer with a clear JSON error', async () => {
  const cases = [
    [{ q: 'pensija' }, 400, /lang must be lv or en/],
    [{ lang: 'de', q: 'pensija' }, 400, /lang must be lv or en/],
    [{ lang: 'lv', q: 'ā'.repeat(121) }, 400, /120/],
    [{ lang: 'lv', q: 'pensija', lapa: '11' }, 400, /10/],
    [{ lang: 'lv', q: 'pensija', lapa: '-1' }, 400, /10/],
    [{ lang: 'en', q: 'pension', limit: '0' }, 400, /limit must be a number from 1 to 100/],
    [{ lang: 'en', q: 'pension', limit: '1e3' }, 400, /limit/],
  ];
  for (const [params, status, message] of cases) {
    const r = await api('/api/search', params);
    assert.equal(r.status, status, JSON.stringify(params));
    assert.match((await r.json()).error, message, JSON.stringify(params));
  }
  // Bytes that are not UTF-8 (a percent-encoded lone byte), and an empty query on the results route.
  const bad = await fetch(env.server.url + '/api/search/results?lang=lv&q=%FF%FE');
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /rakstzīmes/);
  const empty = await api('/api/search/results', { lang: 'lv', q: '  ' });
  assert.equal(empty.status, 400);
  // An empty query in the header box is simply no hits.
  assert.deepEqual((await (await api('/api/search', { lang: 'lv', q: '' })).json()).hits, []);
});

test('issue 13: search has its own rate-limit budget, so a busy search box cannot use up the bookings\'', async () => {
  const server = await startServer(dist, ['--rate-limit', '2']);
  try {
    const left = 60 - (Date.now() / 1000) % 60;
    if (left < 15) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
    const minute = Math.floor(Date.now() / 60000);
    const get = async (path) => (await fetch(server.url + path)).status;
    const searches = [];
    for (let i = 0; i < 21; i++) searches.push(await get('/api/search?lang=lv&q=pensija'));
    // 10 × --rate-limit for search; the other routes keep their own 2.
    assert.deepEqual(searches, [...Array(20).fill(200), 429]);
    assert.deepEqual([await get('/api/ratings/summary'), await get('/api/ratings/summary'), await get('/api/ratings/summary')],
      [200, 200, 429]);
    assert.equal(Math.floor(Date.now() / 60000), minute, 'the requests stayed within one minute');
  } finally {
    server.stop();
  }
});

// Where each request of the page went, and when it started and ended.
function recordRequests(page) {
  const log = [];
  page.on('request', (r) => log.push({ path: new URL(r.url()).pathname, r, started: Date.now(), done: null }));
  page.on('requestfinished', (r) => { const e = log.find((x) => x.r === r); if (e) e.done = Date.now(); });
  return log;
}

test('issue 13: the search page\'s first answer comes from the server before the page\'s core is asked for; then the core answers', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const log = recordRequests(page);
  await page.goto(env.server.url + '/lv/meklet/');
  await page.fill('#q', 'slimibas pabalsts');
  await page.waitForSelector('#live-results-list a');
  assert.match(await page.textContent('#live-results-list a'), /Slimības pabalsts/);
  const answered = log.find((e) => e.path === '/api/search/results');
  assert.ok(answered, 'the server was asked: ' + log.map((e) => e.path).join(' '));
  const coreAsked = () => log.filter((e) => /^\/(assets\/pietura(-search)?\.(js|wasm)|search-lv\.sqlite|catalogue\.sqlite)$/.test(e.path));
  for (const e of coreAsked()) assert.ok(e.started >= answered.done, `${e.path} started before the server's answer arrived`);

  // The page's core (the search-first module and the Latvian shard) follows, and then
  // answers every keystroke itself: no more requests to the server.
  for (const until = Date.now() + 30000; !log.some((e) => e.path === '/search-lv.sqlite' && e.done) && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.waitForLoadState('networkidle');
  assert.deepEqual(coreAsked().map((e) => e.path).sort(), ['/assets/pietura-search.js', '/assets/pietura-search.wasm', '/search-lv.sqlite']);
  const before = log.filter((e) => e.path.startsWith('/api/search')).length;
  await page.fill('#q', 'pensija');
  await page.waitForFunction(() => /pensij/i.test(document.querySelector('#live-results-list a')?.textContent || ''));
  await page.fill('#q', 'deklaracija');
  await page.waitForFunction(() => /deklarācij/i.test(document.querySelector('#live-results-list')?.textContent || ''));
  assert.equal(log.filter((e) => e.path.startsWith('/api/search')).length, before, 'the page\'s core answered');
  await ctx.close();
});

test('issue 13: on a static host (no /api/search) the page\'s core answers, and the page stops asking', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  let asked = 0;
  await page.route(/\/api\/search/, (route) => { asked++; return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not Found' }); });
  await page.goto(env.server.url + '/lv/meklet/');
  await page.fill('#q', 'pensija');
  await page.waitForFunction(() => /pensij/i.test(document.querySelector('#live-results-list a')?.textContent || ''));
  await page.goto(env.server.url + '/lv/');
  await page.fill('#q', 'pabalsts');
  await page.waitForSelector('#search-results a');
  await page.fill('#q', 'pabalsti');
  await page.waitForTimeout(300);
  assert.equal(asked, 2, 'once per page: a 404 means a static host');
  await ctx.close();
});

test('issue 13: a server silent for 2 s does not hold the answer back: the page\'s core starts and answers', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  let askedAt = 0;
  // The server answers, but only after 8 s (a stalled link): longer than the page waits.
  await page.route(/\/api\/search/, async (route) => {
    askedAt ||= Date.now();
    await new Promise((resolve) => setTimeout(resolve, 8000));
    return route.continue().catch(() => {});
  });
  let shardAt = 0;
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/search-lv.sqlite') shardAt ||= Date.now(); });
  await page.goto(env.server.url + '/lv/meklet/');
  await page.fill('#q', 'pensija');
  await page.waitForFunction(() => /pensij/i.test(document.querySelector('#live-results-list a')?.textContent || ''), null, { timeout: 7000 });
  const answeredAt = Date.now();
  assert.ok(askedAt > 0, 'the server was asked first');
  assert.ok(shardAt > 0, 'the page\'s core was started');
  const wait = shardAt - askedAt;
  assert.ok(wait >= 1500 && wait < 4000, `the core was asked ${wait} ms after the server, not at once and not after 6 s`);
  assert.ok(answeredAt - askedAt < 6000, 'the answer came before the old 6 s limit');
  await ctx.close();
});

test('issue 13: the header box counts in words by the core\'s plural rules, from the server and from the page\'s core', async () => {
  for (const fromServer of [true, false]) {
    const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    if (!fromServer) await page.route(/\/api\/search/, (route) => route.fulfill({ status: 404, body: '' }));
    const answers = [];
    page.on('response', (r) => { if (r.url().includes('/api/search')) answers.push(r.status()); });
    for (const [lang, query] of [['lv', 'pabalsts'], ['en', 'benefit']]) {
      await page.goto(env.server.url + `/${lang}/`);
      await page.fill('#q', query);
      await page.waitForSelector('#search-results a');
      const n = await page.locator('#search-results a').count();
      await page.waitForFunction(() => document.getElementById('search-status').textContent !== '');
      const said = await page.textContent('#search-status');
      // Ten hits: Latvian says "10 rezultātu" (the zero form), English "10 results".
      assert.equal(n, 10, `${lang} "${query}" fills the box`);
      assert.equal(said, lang === 'lv' ? '10 rezultātu' : '10 results', `${lang}, ${fromServer ? 'server' : 'page core'}`);
    }
    assert.ok(fromServer ? answers.includes(200) : !answers.includes(200), `answered by the ${fromServer ? 'server' : 'page core'}: ${answers}`);
    await ctx.close();
  }
});
