// Issue 5: the same slot computation in the browser core (wasm) and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cli, loadCore, snapshotBytes } from './helpers.mjs';

const now = Date.parse('2026-12-18T15:00:00+02:00'); // a Friday afternoon

test('wasm slots equal `pietura slots --json` across the Christmas holidays', async () => {
  const M = await loadCore();
  const cat = new M.Catalogue(snapshotBytes());
  try {
    const fromWasm = cat.slots('vsaa', 'vpvkac-aizpute', '2026-12-21', 14, now, 'lv');
    const out = execFileSync(cli, ['slots', '--institution', 'vsaa', '--contact-point', 'vpvkac-aizpute',
      '--from', '2026-12-21', '--days', '14', '--now', '2026-12-18T15:00+02:00', '--json'], { encoding: 'utf8' });
    const fromCli = JSON.parse(out);
    assert.ok(fromCli.length > 20);
    assert.deepEqual(fromWasm.map((s) => s.start / 1000), fromCli.map((s) => s.start_unix));
    const days = new Set(fromWasm.map((s) => s.date));
    for (const holiday of ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'])
      assert.equal(days.has(holiday), false, holiday);
    // Monday is the first day after one working day's notice from Friday.
    assert.equal(fromWasm[0].date, '2026-12-21');
    assert.equal(fromWasm[0].time, '9.00');
    // Aizpute closes for lunch 12:00–12:30 and the specialist 12:00–13:00.
    assert.equal(fromWasm.some((s) => s.date === '2026-12-21' && s.time.startsWith('12.')), false);
    assert.equal(cat.slots('vid', 'vpvkac-valka', '2026-12-21', 7, now, 'lv'), null, 'no VID consultations in Valka');
  } finally {
    cat.delete();
  }
});

test('wasm validates a booking and masks a comment like the server', async () => {
  const M = await loadCore();
  const ok = M.validateBooking({ institution: 'vsaa', topic: 'pensijas', contact_point: 'vpvkac-cesis',
    start: now + 86400000 * 3, name: 'Anna', phone: '29 123 456', lang: 'lv' });
  assert.deepEqual(Array.from(ok), []);
  const bad = Array.from(M.validateBooking({ name: '', phone: '12', email: 'x@', lang: 'en' }));
  const fields = bad.map((e) => `${e.field}:${e.code}`);
  for (const f of ['name:required', 'phone:phone', 'email:email', 'start:required']) assert.ok(fields.includes(f), f);
  assert.match(bad.find((e) => e.field === 'phone').message, /\+371/);
  assert.equal(M.maskComment('Zvaniet 29123456 vai anna@example.lv, kods 010190-12345'), 'Zvaniet *** vai ***, kods ***');
});

test('pietura build --ratings: averages from five ratings on pages and in the snapshot', async () => {
  const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { root } = await import('./helpers.mjs');
  const tmp = mkdtempSync(join(tmpdir(), 'pietura-ratings-'));
  writeFileSync(join(tmp, 'summary.json'), JSON.stringify({
    service: { 'vsaa-slimibas-pabalsts': { count: 6, average: 8.5 }, 'vid-eds-lietosana': { count: 4, average: null } },
    'contact-point': { 'vpvkac-cesis': { count: 4, average: null } },
  }));
  execFileSync(cli, ['build', '--quiet', '--ratings', join(tmp, 'summary.json'), '--out', join(tmp, 'dist'),
    '--wasm', join(root, 'build-wasm/wasm')], { cwd: root });
  const service = readFileSync(join(tmp, 'dist/lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html'), 'utf8');
  assert.match(service, /Vidējais vērtējums: 8,5 no 10 \(vērtējumu skaits: 6\)/); // issue 15: the 10-point scale
  const eds = readFileSync(join(tmp, 'dist/en/services/vid-eds-lietosana/index.html'), 'utf8');
  assert.match(eds, /Rate this service/);
  assert.doesNotMatch(eds, /Average rating/, 'four ratings are not published');
  const rows = execFileSync('sqlite3', [join(tmp, 'dist/catalogue.sqlite'), 'SELECT about, target, count FROM ratings'], { encoding: 'utf8' });
  assert.equal(rows.trim(), 'service|vsaa-slimibas-pabalsts|6');
  writeFileSync(join(tmp, 'bad.json'), '{"service": {"x": {"count": "many"}}}');
  assert.throws(() => execFileSync(cli, ['build', '--quiet', '--ratings', join(tmp, 'bad.json'), '--out', join(tmp, 'dist2')],
    { cwd: root, stdio: 'pipe' }), /whole-number count/);
});
