// Issue 15: what citizens tell the portal, as they would tell it, in Latvian and English,
// with and without JavaScript: "Did you find what you were looking for? Yes / No" at the
// foot of every page (after "No", an optional masked "what were you looking for"), a
// thank-you page in the page's language that links back when there is no JavaScript, the
// answer thanked in place when there is, and the service rating on the 10-point scale —
// and axe finds nothing on any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, launchBrowser, startServer } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server, browser, data;
before(async () => {
  data = mkdtempSync(join(tmpdir(), 'pietura-rating-data-'));
  server = await startServer(dist, ['--data', data, '--rate-limit', '0']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (data) rmSync(data, { recursive: true, force: true });
});

const sql = (query) => execFileSync('sqlite3', [join(data, 'pietura-data.sqlite'), query], { encoding: 'utf8' }).trim();

const words = {
  lv: {
    service: '/lv/pakalpojumi/vsaa-slimibas-pabalsts/', cp: '/lv/klientu-centri/vpvkac-cesis/', home: '/lv/',
    thanksUrl: /\/lv\/atsauksme\/paldies\/\?/, question: 'Vai atradāt, ko meklējāt?', yes: 'Jā', no: 'Nē',
    thanks: 'Paldies par atbildi!', missing: 'Ko jūs meklējāt? (nav obligāti)', send: 'Nosūtīt',
    thanksMissing: 'Paldies! Jūsu atbilde palīdzēs lapu uzlabot.', back: 'Atgriezties lapā',
    used: 'Vai šo pakalpojumu jau izmantojāt?', legend: 'Kā kopumā vērtējat šo pakalpojumu?',
    low: '1 – ļoti slikti', high: '10 – ļoti labi', sendRating: 'Nosūtīt vērtējumu',
    rated: 'Paldies par vērtējumu', sent: 'Paldies, vērtējums ir nosūtīts.', notUsed: 'Paldies! Pakalpojumu varēsiet novērtēt pēc tā izmantošanas.',
  },
  en: {
    service: '/en/services/vsaa-slimibas-pabalsts/', cp: '/en/contact-points/vpvkac-cesis/', home: '/en/',
    thanksUrl: /\/en\/feedback\/thank-you\/\?/, question: 'Did you find what you were looking for?', yes: 'Yes', no: 'No',
    thanks: 'Thank you for your answer.', missing: 'What were you looking for? (optional)', send: 'Send',
    thanksMissing: 'Thank you. Your answer will help to improve the page.', back: 'Back to the page',
    used: 'Have you used this service?', legend: 'Overall, how would you rate this service?',
    low: '1 – very poor', high: '10 – very good', sendRating: 'Send rating',
    rated: 'Thank you for your rating', sent: 'Thank you, your rating was sent.', notUsed: 'Thank you. You can rate the service once you have used it.',
  },
};

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
  });
}

// axe needs script: a page reached without JavaScript is checked again at its address in a
// context with JavaScript (the thank-you pages are GETs: loading them again changes nothing).
async function axeAt(url) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(url);
  const v = await axe(page);
  await ctx.close();
  return v;
}

const feedback = (page) => page.getByRole('form', { name: /./ }).filter({ has: page.locator('[name=found]') });

for (const lang of ['lv', 'en']) {
  const w = words[lang];

  test(`issue 15: ${lang} without JavaScript: "${w.yes}" ends on a thank-you page in ${lang} that links back`, async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(server.url + w.home);
    const form = page.getByRole('form', { name: w.question });
    await Promise.all([page.waitForURL(w.thanksUrl), form.getByRole('button', { name: w.yes, exact: true }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.equal(await page.locator('main').innerText().then((t) => t.includes(w.thanks)), true);
    assert.equal(await page.locator('textarea').count(), 0, 'no question after "yes"');
    assert.deepEqual(await axeAt(page.url()), []);
    await Promise.all([page.waitForURL(server.url + w.home), page.getByRole('link', { name: w.back }).click()]);
    assert.equal(sql(`SELECT page, found, lang FROM page_feedback ORDER BY id DESC LIMIT 1`), `${w.home}|1|${lang}`);
    await ctx.close();
  });

  test(`issue 15: ${lang} without JavaScript: "${w.no}" asks what was missing, masks it and thanks`, async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(server.url + w.service);
    assert.equal(await page.getByRole('textbox', { name: w.missing }).isVisible(), false, 'the text waits for "no"');
    await Promise.all([page.waitForURL(w.thanksUrl), feedback(page).getByRole('button', { name: w.no, exact: true }).click()]);
    assert.match(await page.locator('main').innerText(), new RegExp(w.thanks.replace('.', '\\.')));
    const box = page.getByRole('textbox', { name: w.missing });
    assert.equal(await box.isVisible(), true);
    assert.deepEqual(await axeAt(page.url()), []);
    await box.fill(`Slimības lapas veidlapa ${lang}; zvaniet 29123456 vai anna@example.lv, kods 010190-12345`);
    await Promise.all([page.waitForURL(/what=missing/), page.getByRole('button', { name: w.send, exact: true }).click()]);
    assert.match(await page.locator('main').innerText(), new RegExp(w.thanksMissing.replace('.', '\\.')));
    assert.equal(await page.getByRole('link', { name: w.back }).getAttribute('href'), w.service);
    assert.equal(sql(`SELECT page, found, missing FROM page_feedback WHERE missing LIKE '%veidlapa ${lang}%'`),
      `${w.service}|0|Slimības lapas veidlapa ${lang}; zvaniet *** vai ***, kods ***`);
    await ctx.close();
  });

  test(`issue 15: ${lang} with JavaScript: the answers are thanked in place and the text is masked before it leaves`, async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    const sent = [];
    page.on('request', (r) => { if (/\/api\/feedback/.test(r.url())) sent.push([new URL(r.url()).pathname, JSON.parse(r.postData())]); });
    // "Yes" on the contact point page.
    await page.goto(server.url + w.cp);
    await page.locator('form.feedback-found[data-enhanced=outbox]').waitFor();
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.status() === 201, { timeout: 15000 }),
      feedback(page).getByRole('button', { name: w.yes, exact: true }).click()]);
    const status = page.locator('.feedback-status[role=status][aria-live=polite]');
    await page.waitForFunction((t) => document.querySelector('.feedback-status').textContent === t, w.thanks, { timeout: 15000 });
    assert.equal(page.url(), server.url + w.cp, 'no page load');
    assert.equal(await page.locator('form.feedback-found').isVisible(), false, 'the thanks takes the buttons\' place');
    assert.equal(await page.getByRole('textbox', { name: w.missing }).isVisible(), false);
    // "No" on the service page: the optional text appears, focused.
    await page.goto(server.url + w.service);
    await page.locator('form.feedback-found[data-enhanced=outbox]').waitFor();
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.status() === 201, { timeout: 15000 }),
      feedback(page).getByRole('button', { name: w.no, exact: true }).click()]);
    const box = page.getByRole('textbox', { name: w.missing });
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'focus moves to the text');
    assert.equal(await status.textContent(), w.thanks);
    assert.deepEqual(await axe(page), []);
    await box.fill(`JS ${lang}: zvaniet +371 29 123 456 vai jānis.bērziņš@inbox.lv`);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/feedback/missing'), { timeout: 15000 }),
      page.getByRole('button', { name: w.send, exact: true }).click()]);
    assert.equal(await status.textContent(), w.thanksMissing);
    assert.equal(page.url(), server.url + w.service);
    const [first, second, third] = sent;
    assert.deepEqual([first[0], first[1].found, first[1].page, first[1].lang], ['/api/feedback', 'yes', w.cp, lang]);
    assert.deepEqual([second[0], second[1].found, second[1].page], ['/api/feedback', 'no', w.service]);
    assert.equal(third[0], '/api/feedback/missing');
    assert.equal(third[1].followup, second[1].followup);
    assert.equal(third[1].missing, `JS ${lang}: zvaniet *** vai ***`, 'masked in the browser');
    for (let i = 0; i < 50 && sql(`SELECT count(*) FROM page_feedback WHERE missing LIKE 'JS ${lang}:%'`) !== '1'; i++) await page.waitForTimeout(100);
    assert.equal(sql(`SELECT found, missing FROM page_feedback WHERE missing LIKE 'JS ${lang}:%'`), `0|JS ${lang}: zvaniet *** vai ***`);
    await ctx.close();
  });

  test(`issue 15: ${lang} the service rating is "${w.used}" and a labelled 1–10 scale, with and without JavaScript`, async () => {
    const before = Number(sql(`SELECT count(*) FROM ratings WHERE target = 'vsaa-slimibas-pabalsts' AND lang = '${lang}'`) || 0);
    // Without JavaScript: a form post, a thank-you page in the page's language, a link back.
    const nojs = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    let page = await nojs.newPage();
    await page.goto(server.url + w.service);
    const used = page.getByRole('group', { name: w.used });
    const scale = page.getByRole('group', { name: w.legend });
    assert.equal(await scale.getByRole('radio').count(), 10);
    assert.deepEqual(await scale.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.value)), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.equal(await scale.getByRole('radio', { name: w.low }).count(), 1, 'the low end is named');
    assert.equal(await scale.getByRole('radio', { name: w.high }).count(), 1, 'the high end is named');
    await used.getByRole('radio', { name: w.yes, exact: true }).check();
    await scale.getByRole('radio', { name: '9', exact: true }).check();
    await Promise.all([page.waitForURL(w.thanksUrl), page.getByRole('button', { name: w.sendRating }).click()]);
    assert.equal(await page.locator('h1').textContent(), w.rated);
    assert.equal(await page.getByRole('link', { name: w.back }).getAttribute('href'), w.service);
    assert.deepEqual(await axeAt(page.url()), []);
    await nojs.close();
    // With JavaScript: thanked in place; "not used" stores nothing.
    const js = await browser.newContext({ bypassCSP: true });
    page = await js.newPage();
    await page.goto(server.url + w.service);
    const form = page.locator('form.service-rating[data-enhanced=outbox]');
    await form.waitFor();
    await form.getByRole('group', { name: w.used }).getByRole('radio', { name: w.yes, exact: true }).check();
    await form.getByRole('group', { name: w.legend }).getByRole('radio', { name: w.high }).check();
    await form.getByRole('button', { name: w.sendRating }).click();
    await page.waitForFunction((t) => document.querySelector('.rating-status').textContent === t, w.sent, { timeout: 15000 });
    assert.equal(page.url(), server.url + w.service);
    assert.equal(await form.getByRole('group', { name: w.legend }).isVisible(), false, 'the thanks takes the form\'s place');
    assert.deepEqual(await axe(page), []);
    await page.reload();
    await form.waitFor();
    await form.getByRole('group', { name: w.used }).getByRole('radio', { name: w.no, exact: true }).check();
    await form.getByRole('button', { name: w.sendRating }).click();
    await page.waitForFunction((t) => document.querySelector('.rating-status').textContent === t, w.notUsed, { timeout: 15000 });
    await js.close();
    assert.equal(sql(`SELECT group_concat(score) FROM (SELECT score FROM ratings WHERE target = 'vsaa-slimibas-pabalsts' AND lang = '${lang}' ORDER BY id)`).split(',').slice(before).join(','), '9,10');
  });
}

test('issue 15: page feedback on every page type, the service rating on service pages only', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  for (const [path, service] of [['/lv/', false], ['/en/search/', false], ['/lv/klientu-centri/vpvkac-cesis/', false],
    ['/en/life-situations/berna-piedzimsana/', false], ['/lv/pakalpojumi/vsaa-slimibas-pabalsts/', true]]) {
    await page.goto(server.url + path);
    assert.equal(await page.locator('form[action="/api/feedback"]').count(), 1, path);
    assert.equal(await page.locator(`form[action="/api/feedback"] input[name=page][value="${path}"]`).count(), 1, path);
    assert.equal(await page.locator('form[action="/api/ratings"]').count(), service ? 1 : 0, path);
    assert.equal(await page.getByText(/How satisfied|Cik apmierināts/).count(), 0, `no old 1–5 form on ${path}`);
  }
  await ctx.close();
});
