// Lighthouse scores for the benchmark report: accessibility, best practices and
// performance of the main page types, measured with Debian's Chromium against the
// real `pietura serve`. A report, not a test: scores depend on the machine's load.
// Usage: node tools/lighthouse.mjs [DIST_DIR]
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServe } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] || join(root, 'dist');
const pages = ['/lv/', '/lv/pakalpojumi/vsaa-slimibas-pabalsts/', '/en/contact-points/', '/en/contact-points/vpvkac-cesis/'];

const server = await startServe({ dir: dist, stderr: 'inherit' });
const base = server.url;
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const path of pages) {
    // Mobile emulation with Lighthouse's default slow-4G throttling: the citizen on a slow phone.
    let r;
    // A trace occasionally comes back empty on a busy machine (NO_NAVSTART): one more try.
    for (let attempt = 0; attempt < 3 && (!r || r.lhr.runtimeError); attempt++) {
      r = await lighthouse(base + path, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
    }
    if (r.lhr.runtimeError) {
      console.log(`    ${path.padEnd(42)} not measured: ${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`);
      continue;
    }
    const c = r.lhr.categories;
    const a = r.lhr.audits;
    const pct = (x) => (x.score === null ? '—' : Math.round(x.score * 100));
    console.log(`    ${path.padEnd(42)} accessibility ${pct(c.accessibility)}, best practices ${pct(c['best-practices'])}, ` +
      `performance ${pct(c.performance)} (FCP ${a['first-contentful-paint'].displayValue}, LCP ${a['largest-contentful-paint'].displayValue}, ` +
      `TBT ${a['total-blocking-time'].displayValue}, CLS ${a['cumulative-layout-shift'].displayValue})`);
  }
} finally {
  await chrome.kill();
  server.stop();
}
