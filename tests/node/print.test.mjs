// Issue 15: a printed service page is read on paper, where a site path alone ("/lv/…")
// leads nowhere: each link of the page's channels, steps and facts prints its whole
// address (the site's address from `pietura build --base-url`, then the path), external
// ones print as they are, and what only works on screen (the feedback and rating forms)
// does not print at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, serverAndBrowser } from './helpers.mjs';

const ctx = serverAndBrowser({ before, after });

// Where the build said the site is published: the first address of its sitemap.
const base = new URL(readFileSync(join(dist, 'sitemap.xml'), 'utf8').match(/<loc>([^<]+)<\/loc>/)[1]).origin;

test('issue 15: a printed service page shows site links as whole addresses and leaves out the forms', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(ctx.server.url + '/lv/pakalpojumi/vsaa-slimibas-pabalsts/');
  await page.emulateMedia({ media: 'print' });
  const after = (sel) => page.locator(sel).first().evaluate((a) => getComputedStyle(a, '::after').content);
  assert.equal(await after('.channels a[href="/lv/konsultacija/"]'), `" (${base}/lv/konsultacija/)"`);
  assert.equal(await after('.channels a[href^="https://"]'), '" (https://www.latvija.gov.lv)"');
  for (const form of ['.page-feedback', '.rating']) {
    if (await page.locator(form).count()) assert.equal(await page.locator(form).first().isVisible(), false, form);
  }
  // On screen nothing is added after a link.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await after('.channels a[href="/lv/konsultacija/"]'), 'none');
  await page.close();
});
