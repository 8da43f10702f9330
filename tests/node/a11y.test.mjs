// Issue 6: accessibility by audit — axe-core (WCAG 2.0/2.1 A and AA rules) on every
// page type in both languages, every page type without JavaScript, 320 px width,
// and a keyboard-only journey: search → service → nearest contact point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, startServer, dist } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const env = serverAndBrowser({ before, after });

const pageTypes = {
  lv: ['/lv/', '/lv/dzives-situacijas/', '/lv/dzives-situacijas/berna-piedzimsana/', '/lv/pakalpojumi/',
    '/lv/pakalpojumi/vsaa-slimibas-pabalsts/', '/lv/klientu-centri/', '/lv/klientu-centri/vpvkac-cesis/',
    '/lv/tuvakie/cesu-novads/', '/lv/auditorijas/', '/lv/auditorijas/seniors/', '/lv/meklet/',
    '/lv/pieklustamiba/', '/lv/iestatijumi/'],
  en: ['/en/', '/en/life-situations/', '/en/life-situations/berna-piedzimsana/', '/en/services/',
    '/en/services/vsaa-slimibas-pabalsts/', '/en/contact-points/', '/en/contact-points/vpvkac-cesis/',
    '/en/nearest/cesu-novads/', '/en/audiences/', '/en/audiences/seniors/', '/en/search/',
    '/en/accessibility/', '/en/settings/'],
};

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
  });
}

for (const lang of ['lv', 'en']) {
  test(`${lang}: axe-core finds no WCAG 2.1 A/AA violation on any page type, with the scripts' additions shown`, async () => {
    // bypassCSP only lets the test inject axe; the pages themselves run under the real policy.
    const ctx = await env.browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    const found = {};
    for (const path of pageTypes[lang]) {
      await page.goto(env.server.url + path);
      if (path.match(/\/(klientu-centri|contact-points)\/$/)) {
        await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
        await page.locator('#place').fill('cesis');
        await page.locator('#finder-form button[type=submit]').click();
        await page.locator('#finder-results li').first().waitFor();
      }
      if (path.match(/vpvkac-cesis/)) await page.locator('#week').waitFor({ state: 'visible', timeout: 15000 });
      const v = await axe(page);
      if (v.length) found[path] = v;
    }
    // High contrast and larger text, as a librarian may turn them on.
    await page.evaluate(() => { localStorage.setItem('pietura.contrast', '1'); localStorage.setItem('pietura.large', '1'); });
    await page.goto(env.server.url + pageTypes[lang][4]);
    const v = await axe(page);
    if (v.length) found['high contrast'] = v;
    assert.deepEqual(found, {});
    await ctx.close();
  });

  test(`${lang}: every page type works without JavaScript and fits 320 px`, async () => {
    const ctx = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    for (const path of pageTypes[lang]) {
      const res = await page.goto(env.server.url + path);
      assert.equal(res.status(), 200, path);
      assert.equal(await page.locator('h1').count(), 1, path);
      assert.equal(await page.locator('a.skip-link[href="#main"]').count(), 1, path);
      for (const landmark of ['header', 'main', 'footer']) assert.equal(await page.locator(landmark).count(), 1, `${landmark} on ${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px at 320 px`);
    }
    await ctx.close();
  });
}

for (const lang of ['lv', 'en']) {
  // WCAG 1.4.10 reflow with the scripts running: the finder's filters and answers are
  // only there with JavaScript, so the no-JavaScript run above cannot see them.
  test(`issue 15: ${lang}: every page type fits 320 px with JavaScript too, the finder answering`, async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 320, height: 640 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    for (const path of pageTypes[lang]) {
      await page.goto(env.server.url + path);
      if (await page.locator('#finder').count()) {
        await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
        await page.locator('#place').fill('cesis');
        await page.locator('#place').press('Enter');
        await page.locator('#finder-results li').first().waitFor({ timeout: 15000 });
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `${path} scrolls sideways by ${wide} px at 320 px with JavaScript`);
    }
    await ctx.close();
  });
}

test('issue 15: selects and text areas get the site\'s focus ring', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/en/contact-points/');
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  const ring = (sel) => page.evaluate((s) => { const st = getComputedStyle(document.querySelector(s)); return `${st.outlineStyle} ${st.outlineWidth}`; }, sel);
  await tabTo(page, '#place');
  const input = await ring('#place');
  await tabTo(page, 'select');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT');
  assert.equal(await page.evaluate(() => { const st = getComputedStyle(document.activeElement); return `${st.outlineStyle} ${st.outlineWidth}`; }), input);
  assert.equal(input, 'solid 3px');
  await ctx.close();
});

// Moves focus with Tab only until `selector` has it (as a keyboard user would).
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

// Regression (found by the keyboard journey under load in CI): an answer that arrived
// after the keyboard user had tabbed into the results replaced the focused link, the
// focus fell back to the page, and Enter did nothing.
test('issue 13: results that arrive while a result link has focus keep the focus on that link', async () => {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(env.server.url + '/en/');
  await page.locator('#q').fill('sickness benefit');
  const link = page.locator('#search-results a[href*="vsaa-slimibas-pabalsts"]');
  await link.waitFor({ timeout: 15000 });
  await link.focus();
  const href = await page.evaluate(() => {
    document.activeElement.dataset.old = '1';
    return document.activeElement.getAttribute('href');
  });
  // A late answer for the box, as a slow link delivers it.
  await page.evaluate(() => document.getElementById('q').dispatchEvent(new Event('input', { bubbles: true })));
  await page.waitForFunction(() => document.querySelector('#search-results a') && !document.querySelector('#search-results a[data-old]'));
  assert.deepEqual(await page.evaluate(() => [document.activeElement.getAttribute('href'), !!document.activeElement.closest('#search-results')]),
    [href, true]);
  await ctx.close();
});

test('keyboard only: search → service → nearest contact point → its page → booking a consultation', async (t) => {
  // Its own server with a throw-away data folder, since this journey ends in a booking;
  // stopped however the journey ends, or a failed step would leave the run waiting on it.
  const data = mkdtempSync(join(tmpdir(), 'pietura-kbd-'));
  const server = await startServer(dist, ['--data', data, '--rate-limit', '0']);
  t.after(() => {
    server.stop();
    rmSync(data, { recursive: true, force: true });
  });
  const ctx = await env.browser.newContext();
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await page.goto(server.url + '/en/');
  await tabTo(page, 'a.skip-link');
  await tabTo(page, '#q');
  await page.keyboard.type('sickness benefit');
  await page.locator('#search-results a').first().waitFor({ timeout: 15000 });
  await tabTo(page, '#search-results a[href*="vsaa-slimibas-pabalsts"]', 10);
  await Promise.all([page.waitForURL(/vsaa-slimibas-pabalsts/), page.keyboard.press('Enter')]);
  // The focus indicator is visible: the outline is drawn, not removed.
  await tabTo(page, 'main a[href="/en/contact-points/"]');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow);
  assert.notEqual(outline, 'nonenone', 'focused links show where the focus is');
  await Promise.all([page.waitForURL(/\/en\/contact-points\/$/), page.keyboard.press('Enter')]);
  await page.locator('#finder').waitFor({ state: 'visible', timeout: 15000 });
  await tabTo(page, '#place');
  await page.keyboard.type('cesis');
  await page.keyboard.press('Enter');
  await page.locator('#finder-results li').first().waitFor({ timeout: 10000 });
  await tabTo(page, '#finder-results a.nb-name');
  await Promise.all([page.waitForURL(/\/en\/contact-points\/vpvkac-cesis\/$/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('h1').innerText(), /Cēsis/);

  // On to a video consultation with a VSAA specialist at this centre.
  await tabTo(page, 'main a[href^="/en/consultation/"]');
  await Promise.all([page.waitForURL(/\/en\/consultation\/$/), page.keyboard.press('Enter')]);
  await tabTo(page, 'input[name=choice]');
  // Arrow keys move within a radio group, as a screen-reader user would.
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement.value === 'vsaa:pensijas')); i++)
    await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'vsaa:pensijas');
  await tabTo(page, '#f-contact_point');
  for (let i = 0; i < 60 && (await page.inputValue('#f-contact_point')) !== 'vpvkac-cesis'; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#f-contact_point'), 'vpvkac-cesis');
  await tabTo(page, '#booking-start [type=submit]');
  await Promise.all([page.waitForURL(/\/time\//), page.keyboard.press('Enter')]);
  await tabTo(page, 'input[name=start]');
  await page.keyboard.press('Space');
  await tabTo(page, '#booking-time [type=submit]');
  await Promise.all([page.waitForURL(/\/details\//), page.keyboard.press('Enter')]);
  await tabTo(page, '#f-name');
  await page.keyboard.type('Keyboard User');
  await tabTo(page, '#f-phone');
  await page.keyboard.type('29 123 456');
  await tabTo(page, '#booking-details [type=submit]');
  await Promise.all([page.waitForSelector('#booking-confirm'), page.keyboard.press('Enter')]);
  await tabTo(page, '#booking-confirm [type=submit]');
  await Promise.all([page.waitForURL(/\/en\/consultation\/confirmation\/$/, { timeout: 20000 }), page.keyboard.press('Enter')]);
  assert.match(await page.locator('#reference').innerText(), /^PT-/);
});
