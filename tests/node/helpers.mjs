// Shared fixtures for the Node.js tests: paths, the real server, the browser.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../../tools/serve.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const dist = join(root, 'dist');
export const cli = join(root, 'build/bin/pietura');

// The Emscripten glue is a classic script (ENVIRONMENT=web,worker); in Node we
// hand it the wasm bytes so it never tries to fetch them.
export async function loadCore() {
  const require = createRequire(import.meta.url);
  const createPietura = require(join(dist, 'assets/pietura.js'));
  return createPietura({ wasmBinary: readFileSync(join(dist, 'assets/pietura.wasm')) });
}

export function snapshotBytes() {
  return new Uint8Array(readFileSync(join(dist, 'catalogue.sqlite')));
}

// Starts `pietura serve` on a free port and resolves with its base URL once it
// answers; `extra` adds options (e.g. ['--data', dir, '--rate-limit', '0']).
// The one starter (tools/serve.mjs) is shared with the benchmarks.
export function startServer(dir = dist, extra = []) {
  return startServe({ dir, args: extra, cli });
}

// Debian's Chromium, driven by playwright-core; never a downloaded browser.
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The real server on dist/ and the browser for the tests of one file: registers
// before/after hooks and returns an object whose `server` and `browser` are set
// once the hooks have run.
export function serverAndBrowser({ before, after }) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

// A site of the test's own in a temporary directory (`prepare(env)` fills env.site,
// e.g. a copy of dist/ or a build of changed content), the real server on it and the
// browser, for the tests of one file that rebuild what is served.
export function servedTempSite({ before, after }, prepare) {
  const env = { server: null, browser: null, tmp: null, site: null };
  before(async () => {
    env.tmp = mkdtempSync(join(tmpdir(), 'pietura-site-'));
    env.site = join(env.tmp, 'site');
    await prepare(env);
    env.server = await startServer(env.site);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
    if (env.tmp) rmSync(env.tmp, { recursive: true, force: true });
  });
  return env;
}

// Resolves once the service worker holds a complete build and controls the page.
export async function waitForOfflineCopy(page) {
  for (const deadline = Date.now() + 60000; Date.now() < deadline;) {
    const ready = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const meta = await caches.open('pietura-meta');
      const active = await meta.match('/__pietura/active');
      return !!active && (await caches.has('pietura-site-' + (await active.text())));
    });
    if (ready) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the service worker did not finish its offline copy in 60 s');
}
