// Issue 15: the booking journey as a citizen walks it, on a 360 px phone, in Latvian and
// English, with and without JavaScript: step 1 preselects nothing and says what is
// missing, every question page has a back link that keeps the answers and a step count,
// the language switch stays on the same step with the answers (and nothing personal in
// any address), the confirmation says what happens next, and a request queued offline
// is sent from any page once the connection is back — its refusal told, not dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dist, launchBrowser, startServer } from './helpers.mjs';
import { seatKeeper } from './seats.mjs';

let server, browser, data, ownSlot;
before(async () => {
  data = mkdtempSync(join(tmpdir(), 'pietura-journey-data-'));
  server = await startServer(dist, ['--data', data, '--rate-limit', '0']);
  browser = await launchBrowser();
  ownSlot = seatKeeper(server.url); // each journey books a time of its own, whatever the order
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (data) rmSync(data, { recursive: true, force: true });
});

const bookings = () => execFileSync(cli, ['export', 'bookings', '--data', data], { encoding: 'utf8' })
  .trim().split('\r\n').slice(1);

const PHONE = { width: 360, height: 740 };
const other = { lv: 'en', en: 'lv' };
const words = {
  lv: {
    start: '/lv/konsultacija/', time: /\/lv\/konsultacija\/laiks\//, details: /\/lv\/konsultacija\/dati\//,
    check: /\/lv\/konsultacija\/parbaude\/$/, done: /\/lv\/konsultacija\/apstiprinajums\/$/, choose: /\/lv\/konsultacija\/izvele\/\?/,
    topicMissing: 'Tēma: Izvēlieties, par ko vēlaties runāt.', cpMissing: 'Klientu centrs: Izvēlieties klientu centru, kurā ieradīsieties.',
    step: (n) => `${n}. solis no 3`, contact: /Ierakstiet tālruni vai e-pastu/, next: 'Kas notiks tālāk',
    identity: /personu apliecinošu dokumentu/, when: /Ierodieties \S+, 20\d\d\. gada \d+\. \S+, plkst\. \d+\.\d\d–\d+\.\d\d klientu centrā/,
  },
  en: {
    start: '/en/consultation/', time: /\/en\/consultation\/time\//, details: /\/en\/consultation\/details\//,
    check: /\/en\/consultation\/check\/$/, done: /\/en\/consultation\/confirmation\/$/, choose: /\/en\/consultation\/choose\/\?/,
    topicMissing: 'Topic: Choose what you want to talk about.', cpMissing: 'Contact point: Choose the contact point you will come to.',
    step: (n) => `Step ${n} of 3`, contact: /Enter a phone number or an e-mail/, next: 'What happens next',
    identity: /Bring an identity document/, when: /Come to .+, on \w+day \d+ \w+ 20\d\d, \d+:\d\d–\d+:\d\d\./,
  },
};

// "Continue" on step 1: a page load without JavaScript, none with it when an answer is missing.
async function continueStep1(page, js, expectNavigation) {
  const click = page.locator('#booking-start [type=submit]').click();
  if (!js || expectNavigation) await Promise.all([page.waitForEvent('load'), click]);
  else await click;
}

// GOV.UK question pages: the back link first in the page's content, then the step count
// (a caption), then the question's heading — in document order, whatever the styles
// make of it (issue 15). `step` false: a page with a way back but no question to count.
async function assertAboveHeading(page, step = true) {
  const order = await page.evaluate(() => {
    const main = document.querySelector('main');
    const h1 = main.querySelector('h1');
    const back = main.querySelectorAll('a.back-link');
    const count = main.querySelectorAll('.step-count');
    const before = (a, b) => Boolean(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
    return {
      backLinks: back.length, backAboveHeading: before(back[0], h1), backFirstInMain: Boolean(back[0] && main.firstElementChild.contains(back[0])),
      stepCounts: count.length, stepAboveHeading: before(count[0], h1), backAboveStep: before(back[0], count[0]),
    };
  });
  assert.deepEqual(order, {
    backLinks: 1, backAboveHeading: true, backFirstInMain: true,
    stepCounts: step ? 1 : 0, stepAboveHeading: step, backAboveStep: step,
  }, page.url());
  assert.equal(await page.locator('main a.back-link').isVisible(), true);
}

const summaryLinks = (page) => page.locator('.error-summary:visible a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
const fitsPhone = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

for (const js of [false, true]) {
  for (const lang of ['lv', 'en']) {
    const w = words[lang];
    test(`issue 15: step 1 preselects nothing and a missing answer gets the error summary (${lang}, JavaScript ${js ? 'on' : 'off'}, 360 px)`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: PHONE });
      const page = await ctx.newPage();
      await page.goto(server.url + w.start);
      if (js) await page.locator('#booking-start[data-enhanced=filter]').waitFor();
      assert.equal(await page.locator('input[name=choice]:checked').count(), 0, 'no topic chosen for the citizen');
      assert.equal(await page.inputValue('#f-contact_point'), '', 'no contact point chosen for the citizen');
      assert.equal(await page.locator('.step-count').innerText(), w.step(1));
      await assertAboveHeading(page);

      await continueStep1(page, js, false);
      await page.locator('.error-summary').first().waitFor();
      assert.deepEqual(await summaryLinks(page), [['#f-choice', w.topicMissing], ['#f-contact_point', w.cpMissing]]);
      assert.equal(await page.locator('#f-choice-error').isVisible(), true);
      assert.equal(await page.locator('#f-contact_point-error').isVisible(), true);
      assert.equal(await page.getAttribute('#f-contact_point', 'aria-invalid'), 'true');
      assert.ok(await fitsPhone(page), 'no sideways scrolling at 360 px');

      // The topic answered, the contact point not: only that is asked for, the topic stays chosen.
      await page.locator('input[name=choice][value="vsaa:pensijas"]').check();
      await continueStep1(page, js, false);
      await page.locator('.error-summary a[href="#f-choice"]').waitFor({ state: 'detached' });
      assert.deepEqual(await summaryLinks(page), [['#f-contact_point', w.cpMissing]]);
      assert.equal(await page.locator('input[name=choice][value="vsaa:pensijas"]').isChecked(), true);
      assert.equal(await page.locator('#f-choice-error').isVisible(), false);

      await page.locator('#f-contact_point').selectOption('vpvkac-cesis');
      await continueStep1(page, js, true);
      await page.waitForURL(w.time);
      assert.ok(await page.locator('input[name=start]').count() > 0);
      await ctx.close();
    });
  }
}


for (const js of [false, true]) {
  for (const lang of ['lv', 'en']) {
    const w = words[lang];
    const o = words[other[lang]];
    test(`issue 15: back links keep the answers, the language switch keeps the booking, the confirmation says what happens next (${lang}, JavaScript ${js ? 'on' : 'off'}, 360 px)`, async () => {
      const start = await ownSlot('vsaa', 'vpvkac-ogre');
      const name = `Ceļotāja ${lang}-${js ? 'js' : 'nojs'}`;
      const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: PHONE });
      const page = await ctx.newPage();
      const visited = [];
      page.on('framenavigated', (f) => { if (f === page.mainFrame()) visited.push(f.url()); });

      await page.goto(server.url + w.start);
      if (js) await page.locator('#booking-start[data-enhanced=filter]').waitFor();
      await page.locator('input[name=choice][value="vsaa:pensijas"]').check();
      await page.locator('#f-contact_point').selectOption('vpvkac-ogre');
      await continueStep1(page, js, true);
      await page.waitForURL(w.time);
      assert.equal(await page.locator('.step-count').innerText(), w.step(2));
      await assertAboveHeading(page);

      // Back to step 1: both answers kept.
      await Promise.all([page.waitForURL(w.choose), page.locator('a.back-link').click()]);
      await assertAboveHeading(page);
      assert.equal(await page.locator('input[name=choice][value="vsaa:pensijas"]').isChecked(), true);
      assert.equal(await page.inputValue('#f-contact_point'), 'vpvkac-ogre');
      await continueStep1(page, js, true);
      await page.waitForURL(w.time);

      await page.locator(`input[name=start][value="${start}"]`).check();
      await Promise.all([page.waitForURL(w.details), page.locator('#booking-time [type=submit]').click()]);
      assert.equal(await page.locator('.step-count').innerText(), w.step(3));
      await assertAboveHeading(page);

      // Back to the time step: the time chosen stays chosen — and in the other language too.
      await Promise.all([page.waitForURL(w.time), page.locator('a.back-link').click()]);
      assert.equal(await page.locator('input[name=start]:checked').getAttribute('value'), String(start));
      await Promise.all([page.waitForURL(o.time), page.locator('.lang-switch a').click()]);
      assert.equal(await page.locator('input[name=start]:checked').getAttribute('value'), String(start));
      await Promise.all([page.waitForURL(w.time), page.locator('.lang-switch a').click()]);
      await Promise.all([page.waitForURL(w.details), page.locator('#booking-time [type=submit]').click()]);

      // A name but no way to reach them: the error, then the language switch keeps both,
      // with the message in the page's language.
      await page.locator('#f-name').fill(name);
      await page.locator('#booking-details [type=submit]').click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), w.contact);
      await Promise.all([page.waitForURL(o.details), page.locator('.lang-switch a').click()]);
      assert.equal(await page.inputValue('#f-name'), name);
      assert.match(await page.locator('.error-summary').innerText(), o.contact);
      assert.equal(await page.locator('.step-count').innerText(), o.step(3));
      await assertAboveHeading(page);
      await page.locator('#f-phone').fill('29 123 456');
      await Promise.all([page.waitForURL(o.check), page.locator('#booking-details [type=submit]').click()]);
      assert.equal(await page.locator('.step-count').count(), 0, 'the check page is not a question');
      await assertAboveHeading(page, false);
      await Promise.all([page.waitForURL(w.check), page.locator('.lang-switch a').click()]);
      assert.match(await page.locator('main').innerText(), new RegExp(name));
      if (js) await page.locator('#booking-confirm[data-enhanced=outbox]').waitFor();
      await Promise.all([page.waitForURL(w.done, { timeout: 20000 }), page.locator('#booking-confirm [type=submit]').click()]);

      const reference = await page.locator('#reference').innerText();
      assert.match(reference, /^PT-/);
      const main = await page.locator('main').innerText();
      assert.match(main, new RegExp(w.next));
      assert.match(main, w.when);
      assert.match(main, w.identity);
      assert.equal(await page.locator('main form.rating-form').count(), 0, 'no rating before the consultation');
      assert.equal(await page.locator('.step-count').count(), 0);
      assert.ok(await fitsPhone(page), 'the confirmation fits 360 px');
      await Promise.all([page.waitForURL(o.done), page.locator('.lang-switch a').click()]);
      assert.equal(await page.locator('#reference').innerText(), reference, 'the same booking in the other language');
      assert.match(await page.locator('main').innerText(), new RegExp(o.next));

      assert.equal(bookings().filter((l) => l.includes(name)).length, 1);
      // Issue 12's rule held all the way: nothing personal or secret in any address visited.
      for (const u of visited) {
        assert.doesNotMatch(decodeURIComponent(u), new RegExp(`${name}|29123456|29 123 456|${reference}|token`), u);
      }
      await ctx.close();
    });
  }
}

// The offline time-and-details step is a static page: its back link and its step count
// ("Steps 2 and 3 of 3") stand above the heading too, with and without JavaScript.
for (const js of [false, true]) {
  for (const lang of ['lv', 'en']) {
    test(`issue 15: the offline step's back link and step count come before its heading (${lang}, JavaScript ${js ? 'on' : 'off'})`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: PHONE });
      const page = await ctx.newPage();
      const path = lang === 'lv' ? '/lv/konsultacija/bezsaiste/' : '/en/consultation/offline/';
      await page.goto(`${server.url}${path}?choice=vsaa:pensijas&contact_point=vpvkac-cesis`);
      await assertAboveHeading(page);
      assert.equal(await page.locator('.step-count').innerText(), lang === 'lv' ? '2. un 3. solis no 3' : 'Steps 2 and 3 of 3');
      // With JavaScript the back link keeps the topic and contact point it was opened with.
      const back = await page.locator('a.back-link').getAttribute('href');
      if (js) await page.waitForFunction(() => document.querySelector('a.back-link').href.includes('choice='));
      else assert.equal(back, lang === 'lv' ? '/lv/konsultacija/' : '/en/consultation/');
      await ctx.close();
    });
  }
}

// A request queued earlier, as outbox.js keeps it (IndexedDB).
async function queue(page, item) {
  await page.evaluate((it) => new Promise((resolve, reject) => {
    const req = indexedDB.open('pietura-outbox', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('requests', { keyPath: 'key' });
    req.onsuccess = () => {
      const tx = req.result.transaction('requests', 'readwrite');
      tx.objectStore('requests').put(it);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), item);
}

const queued = (page) => page.evaluate(() => new Promise((resolve) => {
  const req = indexedDB.open('pietura-outbox', 1);
  req.onupgradeneeded = () => req.result.createObjectStore('requests', { keyPath: 'key' });
  req.onsuccess = () => {
    const r = req.result.transaction('requests').objectStore('requests').count();
    r.onsuccess = () => { req.result.close(); resolve(r.result); };
  };
}));

const request = (over) => ({
  kind: 'booking', url: '/api/bookings', done: '/lv/konsultacija/apstiprinajums/', time: '/lv/konsultacija/laiks/', created: Date.now(),
  body: { institution: 'vsaa', topic: 'pensijas', contact_point: 'vpvkac-cesis', name: 'Rindā Gaidījusi', phone: '29123456',
    email: '', lang: 'lv', note: '', accessibility: '', start: 0 },
  ...over,
});

test('issue 15: a booking queued offline is sent from a page without any booking form as soon as the connection is back', async () => {
  const ctx = await browser.newContext({ viewport: PHONE });
  const page = await ctx.newPage();
  await page.goto(server.url + '/lv/');
  const start = await ownSlot('vsaa', 'vpvkac-cesis');
  await ctx.setOffline(true);
  await queue(page, request({ key: 'b-issue15-any-page-online', body: { ...request().body, start } }));
  await page.waitForTimeout(300);
  assert.equal(bookings().filter((l) => l.includes('Rindā Gaidījusi')).length, 0, 'nothing sent while offline');
  await ctx.setOffline(false);
  await page.waitForURL(/\/lv\/konsultacija\/apstiprinajums\/$/, { timeout: 20000 });
  assert.match(await page.locator('#reference').innerText(), /^PT-/);
  assert.equal(bookings().filter((l) => l.includes('Rindā Gaidījusi')).length, 1);
  await ctx.close();
});

for (const lang of ['lv', 'en']) {
  test(`issue 15: a queued booking refused on another page is told with what to do next (409 and 400, ${lang}, 360 px)`, async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    const page = await ctx.newPage();
    // Queued while on a file of the site that runs no script (as if the page that queued it
    // had been closed); then the citizen opens the home page.
    const queueThenOpenHome = async (item) => {
      await page.goto(server.url + '/assets/favicon.svg');
      await queue(page, item);
      await page.goto(server.url + `/${lang}/`);
    };
    // 409: a time that has passed meanwhile (a Monday morning a week ago is never offered).
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - 7 - ((monday.getUTCDay() + 6) % 7));
    monday.setUTCHours(7, 0, 0, 0);
    await queueThenOpenHome(request({ key: `b-issue15-taken-${lang}`, body: { ...request().body, start: Math.floor(monday / 1000) } }));
    const notice = page.locator('#outbox-notice');
    await notice.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await notice.innerText(), lang === 'lv' ? /pa to laiku ir aizņemts/ : /was taken meanwhile/);
    const again = notice.locator('a');
    assert.equal(await again.innerText(), lang === 'lv' ? 'Izvēlēties citu laiku' : 'Choose another time');
    assert.equal(await queued(page), 0, 'answered, so no longer kept on the device');
    assert.ok(await fitsPhone(page));
    // The time step, in the language the request was made in (here Latvian).
    await Promise.all([page.waitForURL(/\/lv\/konsultacija\/laiks\/\?/), again.click()]);
    assert.ok(await page.locator('input[name=start]').count() > 0, 'the time step of the same topic and centre');
    assert.match(page.url(), /contact_point=vpvkac-cesis/);

    // 400: an answer the server does not accept.
    await queueThenOpenHome(request({ key: `b-issue15-bad-${lang}`, body: { ...request().body, name: '', start: Math.floor(monday / 1000) } }));
    await notice.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await notice.innerText(), lang === 'lv' ? /jāizlabo/ : /need to be corrected/);
    assert.equal(await queued(page), 0);
    await ctx.close();
  });
}
