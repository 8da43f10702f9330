// Issue 12: the browser core given a hostile or damaged snapshot throws a clear JS
// Error ("Pietura snapshot rejected: …") within seconds — never hangs the tab, never
// aborts the module — and the same module still serves a good snapshot afterwards.
//
// The core runs in a worker thread: a hang then fails the test on its timeout
// (and the worker is terminated) instead of hanging the test run. Snapshots are
// damaged with sql.js, SQLite's own wasm build, so no native module is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dist, root, snapshotBytes } from './helpers.mjs';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');

// The worker loads the core once and, for each message, opens the bytes and asks
// what the pages ask; it answers with what happened, errors as {name, message}.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const createPietura = require(workerData.glue);
const ready = createPietura({ wasmBinary: readFileSync(workerData.wasm) });
parentPort.on('message', async ({ id, bytes }) => {
  const M = await ready;
  const describe = (e) => ({ isError: e instanceof Error, name: e && e.name, message: String(e && e.message || e) });
  let cat;
  try {
    cat = new M.Catalogue(new Uint8Array(bytes));
  } catch (e) {
    parentPort.postMessage({ id, opened: false, error: describe(e) });
    return;
  }
  const now = Date.parse('2026-11-23T08:00:00Z');
  const answers = {};
  try {
    answers.search = cat.search('slimibas pabalsts', 'lv', 5).map((h) => h.id);
    answers.nearest = cat.nearest(57.31, 25.27, { limit: 3, openNow: true }, now, 'lv').map((n) => n.id);
    answers.status = cat.openingStatus('vpvkac-cesis', now, 'lv');
    answers.days = cat.days('vpvkac-cesis', now, 'en', 7).length;
    answers.places = cat.findPlaces('cesis', 'lv', 5).length;
    answers.slots = cat.slots('vsaa', 'vpvkac-cesis', '2026-11-23', 7, now, 'lv');
    parentPort.postMessage({ id, opened: true, answers });
  } catch (e) {
    parentPort.postMessage({ id, opened: true, error: describe(e) });
  } finally {
    cat.delete();
  }
});
`;

let worker, SQL, nextId = 0;
const pending = new Map();

function startWorker() {
  worker = new Worker(workerSource, {
    eval: true,
    workerData: { glue: join(dist, 'assets/pietura.js'), wasm: join(dist, 'assets/pietura.wasm') },
  });
  worker.on('message', (m) => { pending.get(m.id)?.(m); pending.delete(m.id); });
  worker.unref();
}

// Asks the worker about `bytes`; rejects if it has not answered within `ms`.
function open(bytes, ms = 5000) {
  const id = ++nextId;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      worker.terminate();
      startWorker();  // the next case gets a fresh core
      reject(new Error(`no answer within ${ms} ms: the core hangs on this snapshot`));
    }, ms);
    pending.set(id, (m) => { clearTimeout(timer); resolve({ ...m, ms: performance.now() - started }); });
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, bytes: copy.buffer }, [copy.buffer]);
  });
}

// A copy of the real snapshot with `sql` run on it; `stripNotNull` first removes the
// NOT NULL constraints, so that NULLs can go where `pietura build` never puts them.
function damaged(sql, { stripNotNull = false } = {}) {
  let bytes = snapshotBytes();
  if (stripNotNull) {
    const db = new SQL.Database(bytes);
    db.exec("PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql=replace(sql, 'NOT NULL', '') " +
            "WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%';");
    bytes = db.export();
    db.close();
  }
  const db = new SQL.Database(bytes);
  db.exec(sql);
  const out = db.export();
  db.close();
  return out;
}

function assertRejected(r, pattern) {
  assert.ok(r.error, `expected an error, got answers ${JSON.stringify(r.answers)}`);
  assert.equal(r.error.isError, true, `a real Error, not ${JSON.stringify(r.error)}`);
  assert.match(r.error.message, /^Pietura snapshot rejected: /);
  if (pattern) assert.match(r.error.message, pattern);
}

before(async () => {
  SQL = await initSqlJs({ locateFile: (f) => join(root, 'node_modules/sql.js/dist', f) });
  startWorker();
});
after(() => worker.terminate());

const recursive = 'WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM r) ';

test('issue 12: a recursive view in place of holidays is an Error within seconds, not a hang', async () => {
  const r = await open(damaged('DROP TABLE holidays; CREATE VIEW holidays(date, kind, name_lv, name_en) AS ' +
                               recursive + "SELECT '2026-01-01', 'holiday', x, x FROM r;"));
  assertRejected(r, /view \("holidays"\)/);
  assert.equal(r.opened, false);
  assert.ok(r.ms < 3000, `${r.ms} ms`);
});

test('issue 12: a recursive view in place of contact_points is an Error within seconds, not a hang', async () => {
  const r = await open(damaged('CREATE TABLE cp AS SELECT * FROM contact_points; DROP TABLE contact_points; ' +
                               'CREATE VIEW contact_points AS ' + recursive + 'SELECT cp.* FROM cp, r;'));
  assertRejected(r, /view \("contact_points"\)/);
  assert.ok(r.ms < 3000, `${r.ms} ms`);
});

test('issue 12: a trigger is refused', async () => {
  assertRejected(await open(damaged('CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END;')), /trigger/);
});

test('issue 12: NULL meta values are an Error, not a crash of the module', async () => {
  assertRejected(await open(damaged('UPDATE meta SET value = NULL', { stripNotNull: true })), /format/);
});

test('issue 12: a truncated snapshot is an Error', async () => {
  const bytes = snapshotBytes();
  for (const size of [600, 4096, 3 * 4096, Math.floor(bytes.length / 2), bytes.length - 4096]) {
    const r = await open(bytes.slice(0, size));
    assertRejected(r);
  }
});

test('issue 12: a value over the length limit is an Error when it is read', async () => {
  const r = await open(damaged("UPDATE contact_points SET hours = printf('%.*c', 20000000, 'x') WHERE id = 'vpvkac-cesis';"));
  assertRejected(r, /larger than allowed/);
});

test('issue 12: flipped bytes give answers or Errors, never an abort', async () => {
  const good = snapshotBytes();
  let seed = 12;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let answered = 0, refused = 0;
  for (let round = 0; round < 40; round++) {
    const bytes = good.slice();
    const page = rnd(Math.floor(bytes.length / 4096));
    for (let k = 0; k < 1 + rnd(12); k++) bytes[page * 4096 + rnd(4096)] ^= 1 << rnd(8);
    const r = await open(bytes);
    if (r.error) {
      assertRejected(r);
      refused++;
    } else answered++;
  }
  assert.equal(answered + refused, 40);
});

test('issue 12: the same module still serves a good snapshot afterwards', async () => {
  const r = await open(snapshotBytes());
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.answers.search[0], 'vsaa-slimibas-pabalsts');
  assert.equal(r.answers.status.state, 'open');
  assert.ok(r.answers.nearest.length > 0);
  assert.equal(r.answers.days, 7);
});
