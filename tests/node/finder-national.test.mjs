// Issue 13 in the browser: past 600 services (a generated catalogue) the finder's service
// filter is a text field, and the core's search suggests the services as their name is
// typed — no list of every service in the page. A name that is no service's is said plainly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, servedTempSite } from './helpers.mjs';

let offered; // a service offered at contact points: {id, title}
const env = servedTempSite({ before, after }, async (e) => {
  const content = join(e.tmp, 'content');
  execFileSync('node', [join(root, 'tools/gen-catalogue.mjs'), content, '--services', '700', '--contact-points', '60'],
    { stdio: 'ignore' });
  execFileSync(cli, ['build', '--quiet', '--content', content, '--out', e.site, '--i18n', join(root, 'i18n'),
    '--web', join(root, 'web'), '--wasm', join(root, 'build-wasm/wasm')], { stdio: 'ignore' });
  const dir = join(content, 'services');
  for (const f of readdirSync(dir).sort()) {
    const s = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (s.channels?.contact_point && !s.institution.startsWith('pasvaldiba-')) { // a state service, not a municipality's copy
      offered = { id: s.id, title: s.title.en };
      break;
    }
  }
});

test('issue 13: at 700 services the finder suggests services as their name is typed, and refuses a name that is no service\'s', async () => {
  assert.ok(offered, 'the generated catalogue has a service offered at contact points');
  const html = readFileSync(join(env.site, 'en/contact-points/index.html'), 'utf8');
  assert.doesNotMatch(html, /<select id="f-service"/);

  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.server.url + '/en/contact-points/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  await page.getByLabel('Town, village or municipality').fill('cesis');

  // A few letters of its name bring the service into the field's suggestions.
  const service = page.getByLabel('accept the service');
  await service.fill(offered.title.split(' ').slice(0, 3).join(' '));
  await page.waitForFunction((title) => [...document.querySelectorAll('#service-options option')].some((o) => o.value === title),
    offered.title, { timeout: 15000 });
  await service.fill(offered.title);
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  const status = page.locator('#finder-status');
  await page.waitForFunction(() => /Nearest|No contact point/.test(document.getElementById('finder-status').textContent),
    null, { timeout: 15000 });
  assert.doesNotMatch(await status.innerText(), /did not find the service/);

  // A name typed without choosing from the list still counts when it is a service's title.
  await page.evaluate(() => { document.getElementById('finder-status').textContent = ''; });
  await service.fill(offered.title.toLowerCase());
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  await page.waitForFunction(() => /Nearest|No contact point/.test(document.getElementById('finder-status').textContent),
    null, { timeout: 15000 });

  // A name that is no service's is said plainly, and nothing is shown as if it were.
  await service.fill('Zqxwv');
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  await page.waitForFunction(() => /did not find the service “Zqxwv”/.test(document.getElementById('finder-status').textContent),
    null, { timeout: 15000 });
  assert.equal(await page.locator('#finder-results li').count(), 0);

  // Empty is "any service".
  await service.fill('');
  await page.getByRole('button', { name: 'Find the nearest' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#finder-results li').length > 0, null, { timeout: 15000 });
  assert.deepEqual(problems, []);
  await ctx.close();
});
