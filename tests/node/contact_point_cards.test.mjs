// Issue 14: a contact point card (the "nearest" lists of every municipality page, the
// finder's answers) says its opening hours in the words of the contact point's own
// page, never the editor's opening_hours code ("Mo-Th 08:00-17:00; PH off") nor its
// abbreviations ("P–C 8.00–17.00", "Mon–Thu"). Reads the built pages in dist/ and
// asks the wasm core for the finder's cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dist, loadCore, snapshotBytes } from './helpers.mjs';

// What may not stand on a card: the code's day and holiday tokens, its zero-padded
// ranges, and the short day names of either language before a dash, comma or semicolon.
const forbidden = [
  /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)\b/,
  /\b[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]\b/,
  /(^|[\s>(])(P|O|T|C|Pk|S|Sv|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[–,;]/,
];
const label = { lv: 'Darba laiks', en: 'Opening hours' };
const weekdayWord = { lv: /(pirmdiena|otrdiena|trešdiena|ceturtdiena|piektdiena|sestdiena|svētdiena)/i,
  en: /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/ };

const cardsOf = (html) => html.match(/<li class="nearby">[\s\S]*?<\/li>/g) ?? [];
const hoursOf = (card, lang) => card.match(new RegExp(`<dt>${label[lang]}</dt><dd>([^<]*)</dd>`))?.[1];

test('issue 14: the cards of the municipality pages say the hours in words, in both languages', () => {
  for (const [lang, folder] of [['lv', 'lv/tuvakie'], ['en', 'en/nearest']]) {
    const dir = join(dist, folder);
    assert.ok(existsSync(dir), `${folder} is built`);
    let cards = 0, withHours = 0;
    for (const territory of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const html = readFileSync(join(dir, territory.name, 'index.html'), 'utf8');
      for (const card of cardsOf(html)) {
        cards++;
        const hours = hoursOf(card, lang);
        for (const re of forbidden) assert.doesNotMatch(card, re, `${folder}/${territory.name}: ${hours ?? card}`);
        if (hours === undefined) continue;
        withHours++;
        assert.match(hours, weekdayWord[lang], `${folder}/${territory.name}: "${hours}" names its days in words`);
      }
    }
    // Every one of the 42 territories lists at least one card; the default content gives every centre hours.
    assert.ok(cards >= 42, `${folder}: ${cards} cards`);
    assert.equal(withHours, cards, `${folder}: every card shows its hours`);
  }
});

test('issue 14: the finder\'s cards, rendered by the core, carry no opening_hours code', async () => {
  const M = await loadCore();
  const cat = new M.Catalogue(snapshotBytes());
  try {
    for (const lang of ['lv', 'en']) {
      const list = readFileSync(join(dist, lang === 'lv' ? 'lv/klientu-centri/index.html' : 'en/contact-points/index.html'), 'utf8');
      const strings = JSON.parse(list.match(/data-card-strings="([^"]*)"/)[1]
        .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      const cards = cat.nearestCards(56.95, 24.1, { limit: 20 }, Date.parse('2026-11-30T08:00:00Z'), lang, strings);
      assert.equal(cards.length, 20);
      for (const card of cards) {
        for (const re of forbidden) assert.doesNotMatch(card, re, card);
        const hours = hoursOf(card, lang);
        if (hours !== undefined) assert.match(hours, weekdayWord[lang], hours);
      }
    }
  } finally {
    cat.delete();
  }
});
