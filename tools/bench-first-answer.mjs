// The first search answer on a slow phone (issue 13), measured the way a citizen meets
// it: Debian's Chromium on a link shaped like Chrome DevTools' presets, a cold cache, the
// query typed as soon as the page's HTML is parsed, and the time until the first
// result link is on the screen. The peer is Pagefind (npm `pagefind`), indexing the
// very pages `pietura build` wrote and served by the same `pietura serve`, so both
// engines pay the same server and the same link.
//
// Reported, never asserted: a shared 2-core machine makes timings noisy. Recall@3 on
// the relevance set's Latvian queries is measured for both in the same run, so a
// faster engine cannot hide a worse answer. Pagefind indexes the Latvian pages only
// (the queries are Latvian; indexing both languages doubles its build for nothing).
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'build/bin/pietura');
const pagefindBin = join(root, 'node_modules/.bin/pagefind');
const QUERY = 'slimibas pabalstu';

// Chrome DevTools' presets as the product brief names them.
const PROFILES = [
  { name: 'slow 4G', latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
  { name: '3G', latency: 300, down: 0.75e6 / 8, up: 250e3 / 8 },
];

// The slow link itself: a TCP relay in front of the server that every connection of a
// run shares — the page's, its workers' and its service worker's — with the profile's
// bandwidth each way and half its round trip added to every chunk in each direction.
// (DevTools' emulation is per page: it would let the service worker's own downloads
// pass unthrottled, and those are exactly what competes with the first answer.)
// The relay also counts what it hands the browser, with the time of each chunk: the
// bytes really on the wire (headers and bodies as sent, compressed or not), whoever
// asked for them. Chromium's per-request figures proved untrustworthy for this.
function throttledLink(port, profile) {
  const free = { down: 0, up: 0 };
  const delivered = [];  // [time, bytes] of every chunk written to the browser
  const arrival = (bytes, way, rate) => {
    const now = performance.now();
    free[way] = Math.max(now, free[way]) + (bytes * 1000) / rate;
    return free[way] - now + profile.latency / 2;
  };
  const relay = net.createServer((client) => {
    const server = net.connect(port, '127.0.0.1');
    const carry = (from, to, way, rate) => {
      let last = 0;
      from.on('data', (chunk) => {
        last = arrival(chunk.length, way, rate);
        setTimeout(() => {
          if (!to.writable) return;
          to.write(chunk);
          if (way === 'down') delivered.push([performance.now(), chunk.length]);
        }, last);
      });
      from.on('end', () => setTimeout(() => to.end(), last));
      from.on('error', () => to.destroy());
    };
    carry(client, server, 'up', profile.up);
    carry(server, client, 'down', profile.down);
  });
  return new Promise((resolve) => relay.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${relay.address().port}`,
    bytesUntil: (t) => delivered.reduce((sum, [at, n]) => (at <= t ? sum + n : sum), 0),
    close: () => new Promise((done) => { relay.close(done); setTimeout(done, 1000); }),
  })));
}

const relevance = readFileSync(join(root, 'tests/search/relevance.tsv'), 'utf8').split('\n').slice(1)
  .filter((l) => l.trim()).map((l) => l.split('\t')).filter(([lang]) => lang === 'lv');

// The peer's search page: Pagefind's own JavaScript API, the same box and the same
// "first three results with their titles" a citizen would see.
// The site's Content-Security-Policy allows scripts from the site only, so the peer's
// page loads its script from a file too.
const PEER_PAGE = `<!doctype html><html lang="lv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Pagefind</title>
<script type="module" src="/pagefind-peer.js"></script></head><body>
<input id="q" type="search"><ol id="results"></ol></body></html>`;
const PEER_SCRIPT = `const pf = await import('/pagefind-peer/pagefind.js');
const q = document.getElementById('q'), out = document.getElementById('results');
async function run() {
  const r = await pf.search(q.value);
  const top = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
  out.replaceChildren(...top.map((d) => { const li = document.createElement('li'); const a = document.createElement('a');
    a.href = d.url; a.textContent = d.meta.title; li.append(a); return li; }));
}
q.addEventListener('input', run);
if (q.value) run();
window.peerSearch = async (text) => Promise.all((await pf.search(text)).results.slice(0, 3).map(async (x) => (await x.data()).url));
`;

function indexWithPagefind(dist) {
  const t0 = performance.now();
  execFileSync(pagefindBin, ['--site', dist, '--output-subdir', 'pagefind-peer', '--glob', 'lv/**/*.html', '--quiet'],
    { stdio: 'ignore' });
  writeFileSync(join(dist, 'pagefind-peer.html'), PEER_PAGE);
  writeFileSync(join(dist, 'pagefind-peer.js'), PEER_SCRIPT);
  return (performance.now() - t0) / 1000;
}

// One cold visit (a new browser context has an empty cache): bytes the relay handed
// the browser until the first result link was on the screen, and the time from
// navigation to it, read from the page's own clock (performance.now() counts from it).
async function firstAnswer(browser, base, path, resultSelector, profile, { serviceWorkers, withoutShard = false, staticHost = false }) {
  const ctx = await browser.newContext({ serviceWorkers });
  const page = await ctx.newPage();
  // A plain static host has no /api/: its 404 costs the page one round trip on the link.
  if (staticHost) {
    await ctx.route(/\/api\//, (route) => setTimeout(() => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
      profile.latency));
  }
  // The path before issue 13's search shard, in the same run: refused, the shard and
  // the search-first module leave core.js to answer from the whole module and snapshot
  // as it used to.
  // Routed for the whole context: once the service worker controls the page, requests
  // it passes on (the search API among them) are its own and a page route misses them.
  if (withoutShard) await ctx.route(/\/(search-(lv|en)\.sqlite|assets\/pietura-search\.js)$/, (route) => route.abort());
  const link = await throttledLink(new URL(base).port, profile);
  let answeredAt = null;
  await page.exposeFunction('__answered', () => { answeredAt ??= performance.now(); });
  await page.addInitScript(([query, selector]) => {
    document.addEventListener('DOMContentLoaded', () => {
      const q = document.getElementById('q');
      q.value = query;
      q.dispatchEvent(new Event('input', { bubbles: true }));
      const done = () => {
        if (window.__firstAnswerMs === undefined && document.querySelector(selector)) {
          window.__firstAnswerMs = performance.now();
          window.__answered();
        }
      };
      new MutationObserver(done).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  }, [QUERY, resultSelector]);
  await page.goto(link.url + path, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.__firstAnswerMs !== undefined, null, { timeout: 120000, polling: 100 });
  const ms = await page.evaluate(() => window.__firstAnswerMs);
  // The binding call that stamps answeredAt may land a moment after the poll sees the answer.
  for (let i = 0; answeredAt === null && i < 100; i++) await new Promise((r) => setTimeout(r, 10));
  const bytes = link.bytesUntil(answeredAt ?? performance.now());
  await ctx.close();
  await link.close();
  return { ms, bytes };
}

async function pagefindRecall(browser, base) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(base + '/pagefind-peer.html');
  await page.waitForFunction(() => typeof window.peerSearch === 'function');
  let hits = 0;
  for (const [, q, id] of relevance) {
    const urls = await page.evaluate((t) => window.peerSearch(t), q);
    if (urls.some((u) => u.includes('/' + id + '/'))) hits++;
  }
  await ctx.close();
  return hits / relevance.length;
}

// The same core the browser runs, asked through the CLI: one process per query.
function pieturaRecall(dist) {
  let hits = 0;
  for (const [, q, id] of relevance) {
    const top = JSON.parse(execFileSync(cli, ['search', q, '--json', '--lang', 'lv', '--limit', '3',
      '--snapshot', join(dist, 'catalogue.sqlite')], { encoding: 'utf8' }));
    if (top.some((hit) => hit.id === id)) hits++;
  }
  return hits / relevance.length;
}

const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const s = (ms) => (ms / 1000).toFixed(1) + ' s';

async function measure(label, dist, browser) {
  const indexSecs = indexWithPagefind(dist);
  const server = await startServe({ dir: dist, args: ['--rate-limit', '0'], cli });
  try {
    let recall = '';
    try {
      recall = `; recall@3 on ${relevance.length} Latvian queries: Pietura ${pieturaRecall(dist).toFixed(2)}, ` +
        `Pagefind ${(await pagefindRecall(browser, server.url)).toFixed(2)}`;
    } catch (e) {
      recall = '; recall not measured: ' + String(e.message).split('\n')[0];
    }
    console.log(`  first answer, ${label} (Pagefind index ${indexSecs.toFixed(1)} s)${recall}`);
    // What the first answer downloads besides the page, as sent (brotli): issue 13.
    const br = (f) => { try { return statSync(join(dist, f + '.br')).size; } catch { return statSync(join(dist, f)).size; } };
    console.log(`    files (brotli): wasm ${kb(br('assets/pietura.wasm'))}, glue ${kb(br('assets/pietura.js'))}, ` +
      `search-first module ${kb(br('assets/pietura-search.wasm'))} + glue ${kb(br('assets/pietura-search.js'))}, Latvian search shard ${kb(br('search-lv.sqlite'))} (${kb(statSync(join(dist, 'search-lv.sqlite')).size)} raw), ` +
      `whole snapshot ${kb(br('catalogue.sqlite'))} (${kb(statSync(join(dist, 'catalogue.sqlite')).size)} raw)`);
    // The offline copy the service worker makes after a visit: every file of the manifest
    // but the studio, sw.js and the pages kept on visit (the page pack renders those
    // offline, issue 13), plus the pages the citizen opened; issue 13 asks for at most
    // 5 MB at national scale. Counted here with ten visited pages.
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const copy = manifest.files.filter((f) => f.path !== 'sw.js' && !f.path.startsWith('studio/') && !f.on_visit);
    const visited = manifest.files.filter((f) => f.on_visit && /^lv\/(pakalpojumi|klientu-centri)\/[^/]+\/index\.html$/.test(f.path)).slice(0, 10);
    const allPages = manifest.files.filter((f) => f.path.endsWith('.html'));
    const sum = (files) => files.reduce((n, f) => n + br(f.path), 0);
    const pack = manifest.pages_pack ? br(manifest.pages_pack.path) : 0;
    console.log(`    offline copy: ${kb(sum(copy) + sum(visited))} on the wire (brotli) after ten visited pages: ${copy.length} files ` +
      `(page pack ${kb(pack)}, page renderer ${kb(br('assets/pietura-pages.wasm'))}) + ${kb(sum(visited))} of pages; ` +
      `every page (${allPages.length}) would be ${kb(sum(allPages))}`);
    for (const profile of PROFILES) {
      const blocked = await firstAnswer(browser, server.url, '/lv/meklet/', '#live-results-list a', profile, { serviceWorkers: 'block', staticHost: true });
      const shipped = await firstAnswer(browser, server.url, '/lv/meklet/', '#live-results-list a', profile, { serviceWorkers: 'allow' });
      const whole = await firstAnswer(browser, server.url, '/lv/meklet/', '#live-results-list a', profile, { serviceWorkers: 'allow', withoutShard: true, staticHost: true });
      // `pietura serve` answers the first keystrokes itself (/api/search/results, issue 13)
      // until the page's own core has arrived; a plain static host has no /api/, so there
      // the page's core (search-first module and shard) gives the first answer:
      const staticPage = await firstAnswer(browser, server.url, '/lv/meklet/index.html', '#live-results-list a', profile,
        { serviceWorkers: 'allow', staticHost: true });
      const peer = await firstAnswer(browser, server.url, '/pagefind-peer.html', '#results a', profile, { serviceWorkers: 'block' });
      console.log(`    ${profile.name.padEnd(8)} Pietura with pietura serve ${s(shipped.ms)} / ${kb(shipped.bytes)}, ` +
        `Pagefind ${s(peer.ms)} / ${kb(peer.bytes)}: time ×${(shipped.ms / peer.ms).toFixed(2)}, ` +
        `bytes ×${(shipped.bytes / peer.bytes).toFixed(2)} of Pagefind`);
      console.log(`             on a plain static host (the page's core answers): ${s(staticPage.ms)} / ${kb(staticPage.bytes)} ` +
        `(×${(staticPage.ms / peer.ms).toFixed(2)}, ×${(staticPage.bytes / peer.bytes).toFixed(2)}); service worker blocked ` +
        `${s(blocked.ms)} / ${kb(blocked.bytes)}; without the search shard, from the whole snapshot ${s(whole.ms)} / ${kb(whole.bytes)}`);
    }
  } finally {
    server.stop();
  }
}

export async function benchFirstAnswer(defaultOnly = false) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const work = mkdtempSync(join(tmpdir(), 'pietura-first-'));
  try {
    // The default content: a copy of dist/, so the peer's index never lands in the build.
    const small = join(work, 'default');
    // Times preserved, as any deployment's copy should: the build's files keep theirs.
    cpSync(join(root, 'dist'), small, { recursive: true, preserveTimestamps: true });
    await measure(`default content, "${QUERY}"`, small, browser);
    rmSync(small, { recursive: true, force: true });
    if (defaultOnly) return;

    execFileSync('node', [join(root, 'tools/gen-catalogue.mjs'), join(work, 'content'), '--services', '3400', '--contact-points', '587'],
      { stdio: 'ignore' });
    const big = join(work, 'national');
    execFileSync(cli, ['build', '--quiet', '--content', join(work, 'content'), '--out', big, '--i18n', join(root, 'i18n'),
      '--web', join(root, 'web'), '--wasm', join(root, 'build-wasm/wasm')], { stdio: 'ignore' });
    await measure(`3,400 services and 587 contact points, "${QUERY}"`, big, browser);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFirstAnswer(process.argv.includes("--default-only"));
