// Relevance of search (issue 3): the queries people really type, each with its one
// right answer, run through the wasm core exactly as the browser runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore, snapshotBytes, root } from './helpers.mjs';

test('issue 3: recall@3 over the relevance set is at least 0.9', async () => {
  const M = await loadCore();
  const cat = new M.Catalogue(snapshotBytes());
  const rows = readFileSync(join(root, 'tests/search/relevance.tsv'), 'utf8')
    .split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));
  assert.ok(rows.length >= 60, 'at least 60 queries');
  let at1 = 0, at3 = 0;
  const misses = [];
  for (const [lang, query, expected] of rows) {
    const ids = cat.search(query, lang, 3).map((h) => h.id);
    if (ids[0] === expected) at1++;
    if (ids.includes(expected)) at3++;
    else misses.push(`${lang} "${query}" → ${ids.join(', ') || '(nothing)'} (want ${expected})`);
  }
  cat.delete();
  const r1 = at1 / rows.length, r3 = at3 / rows.length;
  // Reported in the test output so the figure is seen on every run.
  console.log(`relevance: ${rows.length} queries, recall@1 ${r1.toFixed(3)}, recall@3 ${r3.toFixed(3)}`);
  for (const m of misses) console.log('  miss: ' + m);
  assert.ok(r3 >= 0.9, `recall@3 ${r3.toFixed(3)} is under 0.9`);
});
