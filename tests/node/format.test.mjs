// Issue 14: the core's plural rule and date formats held against the browser's own
// (Intl.PluralRules, Intl.DateTimeFormat), through `pietura hours --plural/--date`;
// and, when dist/ has a core with wasm/format_bindings.cpp, the same through wasm,
// which the live week view uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cli, loadCore } from './helpers.mjs';

const run = (...args) => execFileSync(cli, ['hours', ...args], { encoding: 'utf8' });

for (const [lang, locale] of [['lv', 'lv'], ['en', 'en']]) {
  test(`issue 14: the core's ${lang} plural categories match Intl.PluralRules('${locale}') for 0–1000`, () => {
    const core = JSON.parse(run('--plural', '0-1000', '--lang', lang, '--json'));
    const intl = new Intl.PluralRules(locale);
    assert.equal(Object.keys(core).length, 1001);
    const wrong = [];
    for (let n = 0; n <= 1000; n++) if (core[n] !== intl.select(n)) wrong.push(`${n}: core ${core[n]}, Intl ${intl.select(n)}`);
    assert.deepEqual(wrong, []);
    // The forms the issue names.
    if (lang === 'lv') assert.deepEqual([core[1], core[21], core[11], core[2]], ['one', 'one', 'zero', 'other']);
  });
}

// A day of every month, both month ends, leap day and the new year: every month name and both digit widths.
const dates = [];
for (let m = 1; m <= 12; m++) dates.push(`2026-${String(m).padStart(2, '0')}-${m % 2 ? '01' : '24'}`);
dates.push('2024-02-29', '2026-12-31', '2027-01-06');

for (const [lang, locale] of [['lv', 'lv'], ['en', 'en-GB']]) {
  test(`issue 14: the core's ${lang} dates match Intl.DateTimeFormat('${locale}') where their forms coincide`, () => {
    const numeric = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    for (const iso of dates) {
      const core = JSON.parse(run('--date', iso, '--lang', lang, '--json'));
      const d = new Date(iso + 'T12:00:00Z');
      // The core writes two-digit days as Latvian documents do (01.01.2026.); Intl('lv')
      // drops the day's zero ("1.01.2026."), so the forms coincide from the 10th on.
      if (lang === 'en' || d.getUTCDate() >= 10) assert.equal(core.numeric, numeric.format(d), `${iso} numeric`);
      else assert.equal(core.numeric, '0' + numeric.format(d), `${iso} numeric`);
      assert.equal(core.long, long.format(d), `${iso} long`);
      assert.equal(core.weekday_long, full.format(d), `${iso} with the weekday`);
    }
    // The form Intl has no option for: "when" inside a Latvian sentence (locative).
    const xmas = JSON.parse(run('--date', '2026-12-24', '--lang', lang, '--json'));
    assert.equal(xmas.locative, lang === 'lv' ? '2026. gada 24. decembrī' : '24 December 2026');
  });
}

test('issue 14: bad --plural and --date are refused with exit code 2', () => {
  for (const args of [['--plural', '5-1'], ['--plural', 'x'], ['--date', '2026-13-01'], ['--date', '24.12.2026']]) {
    assert.throws(() => run(...args), (e) => e.status === 2, args.join(' '));
  }
});

test('issue 14: the wasm core formats dates and plurals as the CLI does', async (t) => {
  let M;
  try {
    M = await loadCore();
  } catch {
    t.skip('no dist/ build');
    return;
  }
  if (typeof M.formatDate !== 'function') {
    t.skip('dist/ has a core without wasm/format_bindings.cpp');
    return;
  }
  const intl = new Intl.PluralRules('lv');
  for (let n = 0; n <= 1000; n++) assert.equal(M.plural('lv', n), intl.select(n), String(n));
  assert.equal(M.plural('en', 1), 'one');
  assert.equal(M.formatDate('2026-12-24', 'lv', 'numeric'), '24.12.2026.');
  assert.equal(M.formatDate('2026-12-24', 'lv', 'locative'), '2026. gada 24. decembrī');
  assert.equal(M.formatDate('2026-12-24', 'lv', 'long', false, true), 'ceturtdiena, 24. decembris');
  assert.equal(M.formatDate('2026-12-24', 'en', 'long', false, true), 'Thursday, 24 December');
  assert.equal(M.formatTimeRange(510, 1020, 'lv'), '8.30–17.00');
  assert.throws(() => M.formatDate('2026-02-30', 'lv', 'long'), RangeError);
  assert.throws(() => M.formatDate('2026-12-24', 'de', 'long'), RangeError);
  assert.throws(() => M.plural('lv', 1.5), RangeError);
});
