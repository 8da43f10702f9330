// The browser core under Node.js: the same wasm module and snapshot the pages use.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, snapshotBytes } from './helpers.mjs';

let M, cat;
before(async () => {
  M = await loadCore();
  cat = new M.Catalogue(snapshotBytes());
});

test('reports its version and the snapshot content version', () => {
  assert.match(M.version(), /^\d+\.\d+\.\d+$/);
  assert.match(cat.contentVersion(), /^[0-9a-f]{12}$/);
  assert.ok(cat.count('services') >= 60, 'at least 60 services in the default content');
});

test('finds the sickness benefit typed without diacritics', () => {
  const hits = cat.search('slimibas pabalsts', 'lv', 5);
  assert.ok(hits.length > 0);
  assert.equal(hits[0].id, 'vsaa-slimibas-pabalsts');
  assert.equal(hits[0].kind, 'service');
  assert.match(hits[0].url, /^\/lv\/pakalpojumi\/vsaa-slimibas-pabalsts\/$/);
  assert.match(hits[0].titleHtml, /<mark>/);
});

test('keeps Latvian letters intact through the Uint8Array path (bytes >= 128)', () => {
  const hits = cat.search('dzīvesvietas deklarēšana', 'lv', 5);
  assert.equal(hits[0].id, 'pmlp-dzivesvietas-deklaresana');
  assert.match(hits[0].title, /[āēīūšžčģķļņ]/);
});

test('searches English documents in English', () => {
  const hits = cat.search('sickness benefit', 'en', 5);
  assert.equal(hits[0].id, 'vsaa-slimibas-pabalsts');
  assert.match(hits[0].url, /^\/en\/services\//);
});

test('odd queries return empty or sensible results, never throw', () => {
  for (const q of ['', '   ', '"', '*', 'NEAR(', 'a AND OR NOT', '\uD800', '!!!???', 'x'.repeat(10000), '^:-']) {
    const hits = cat.search(q, 'lv', 10);
    assert.ok(Array.isArray(hits), `array for ${JSON.stringify(q.slice(0, 20))}`);
  }
  assert.deepEqual(cat.search('pabalsts', 'de', 10), [], 'unknown language gives nothing');
});

test('rejects a truncated snapshot with a clear Error', () => {
  const bytes = snapshotBytes();
  assert.throws(() => new M.Catalogue(bytes.slice(0, 100)), /snapshot rejected/);
  assert.throws(() => new M.Catalogue(new Uint8Array(4096)), /snapshot rejected/);
  assert.throws(() => new M.Catalogue('not bytes'), /Uint8Array/);
});

test('issue 4: opening status in Latvian time, whatever the machine time zone', () => {
  // Mon 2026-11-23 10:00 in Riga (UTC+2) and the same instant seen from anywhere.
  const monMorning = Date.parse('2026-11-23T08:00:00Z');
  const open = cat.openingStatus('vpvkac-cesis', monMorning, 'lv');
  assert.equal(open.state, 'open');
  assert.match(open.text, /17[.:]00/);
  // Saturday: closed, next opening on Monday.
  const sat = cat.openingStatus('vpvkac-cesis', Date.parse('2026-11-28T10:00:00Z'), 'en');
  assert.equal(sat.state, 'closed');
  assert.match(sat.text, /Monday/);
  // 18 November is a public holiday (Proclamation Day): closed on a Wednesday.
  assert.equal(cat.openingStatus('vpvkac-cesis', Date.parse('2026-11-18T09:00:00Z'), 'lv').state, 'closed');
  assert.equal(cat.openingStatus('no-such-point', monMorning, 'lv'), null);
  assert.equal(cat.openingStatus('vpvkac-cesis', monMorning, 'de'), null);
});
