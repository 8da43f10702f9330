// The snapshot is a standard SQLite file: the stock sqlite3 shell opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dist, root } from './helpers.mjs';

const db = join(dist, 'catalogue.sqlite');
const sql = (q) => execFileSync('sqlite3', ['-readonly', db, q], { encoding: 'utf8' }).trim();

test('stock sqlite3 says integrity ok', () => {
  assert.equal(sql('PRAGMA integrity_check'), 'ok');
});

test('holds the default content', () => {
  assert.ok(Number(sql('SELECT count(*) FROM services')) >= 60);
  assert.ok(Number(sql('SELECT count(*) FROM life_situations')) >= 12);
  assert.ok(Number(sql('SELECT count(*) FROM contact_points')) >= 40);
  // Every institution file of the content is in the snapshot.
  const files = readdirSync(join(root, 'content/institutions')).filter((f) => f.endsWith('.json')).length;
  assert.ok(files >= 13);
  assert.equal(sql("SELECT count(*) FROM institutions"), String(files));
});

test('manifest names the snapshot by its SHA-256 and the content version', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const digest = createHash('sha256').update(readFileSync(db)).digest('hex');
  assert.equal(manifest.snapshot.sha256, digest);
  assert.equal(sql("SELECT value FROM meta WHERE key='content_version'"), manifest.content_version);
});
