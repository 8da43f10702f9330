// Issue 13: `pietura build` writes brotli and gzip copies beside every text file, the
// wasm core and the snapshot; `pietura serve` sends them by Accept-Encoding, never
// compressing anything twice. Raw HTTP requests (fetch would decode for us), each
// answer decoded and compared byte for byte with the file itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { dist, startServer } from './helpers.mjs';

const text = /\.(html|css|js|mjs|json|svg|webmanifest|xml|txt|ics|wasm|sqlite)$/;
let server;

before(async () => { server = await startServer(dist, ['--rate-limit', '0']); });
after(() => server?.proc.kill('SIGKILL'));

function get(path, headers = {}, method = 'GET') {
  return getFrom(server.url, path, headers, method);
}

function getFrom(base, path, headers = {}, method = 'GET') {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const sample = ['lv/index.html', 'assets/pietura.wasm', 'catalogue.sqlite', 'manifest.json',
  ...['.css', '.js', '.svg', '.webmanifest', '.xml'].map((ext) => manifest.files.find((f) => f.path.endsWith(ext))?.path)]
  .filter((p) => p && existsSync(join(dist, p)))
  // A copy that is not smaller than its file is never sent (the identity file is): those are
  // left out here, and the big ones must not be among them.
  .filter((p) => ['.br', '.gz'].every((e) => statSync(join(dist, p + e)).size < statSync(join(dist, p)).size));

test('issue 13: every text file, the wasm and the snapshot have a .br and a .gz copy; the manifest lists neither', () => {
  const listed = manifest.files.map((f) => f.path);
  assert.deepEqual(listed.filter((p) => /\.(br|gz)$/.test(p)), [], 'the service worker must never fetch a copy');
  const missing = listed.filter((p) => text.test(p) && !(existsSync(join(dist, p + '.br')) && existsSync(join(dist, p + '.gz'))));
  assert.deepEqual(missing, []);
  for (const p of ['manifest.json', 'catalogue.sqlite', 'assets/pietura.wasm'])
    assert.ok(existsSync(join(dist, p + '.br')) && existsSync(join(dist, p + '.gz')), p);
  for (const p of ['lv/index.html', 'assets/pietura.wasm', 'catalogue.sqlite', 'manifest.json'])
    assert.ok(sample.includes(p), `${p} has smaller copies (sampled ${sample.join(', ')})`);
});

test('issue 13: the copy the client prefers, decoded, is the file itself', async (t) => {
  const cases = [
    ['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'], ['gzip;q=0, br;q=0.1', 'br'], ['identity', undefined], ['', undefined],
    ['*', 'br'], ['*;q=0', undefined], ['br;q=0, gzip;q=0', undefined], ['deflate', undefined],
  ];
  for (const path of sample) {
    const file = readFileSync(join(dist, path));
    const etags = new Set();
    for (const [accept, expected] of cases) {
      const res = await get('/' + path, accept ? { 'accept-encoding': accept } : {});
      assert.equal(res.status, 200, `${path} (${accept})`);
      assert.equal(res.headers['content-encoding'], expected, `${path} with "${accept}"`);
      assert.match(res.headers.vary ?? '', /Accept-Encoding/i);
      assert.equal(Number(res.headers['content-length']), res.body.length);
      const decoded = expected === 'br' ? brotliDecompressSync(res.body) : expected === 'gzip' ? gunzipSync(res.body) : res.body;
      assert.ok(decoded.equals(file), `${path} with "${accept}" decodes to the file`);
      if (expected) assert.equal(res.body.length, statSync(join(dist, path + (expected === 'br' ? '.br' : '.gz'))).size);
      etags.add(`${expected}=${res.headers.etag}`);
    }
    assert.equal(new Set([...etags].map((e) => e.split('=')[1])).size, 3, `${path}: one ETag per encoding: ${[...etags]}`);
    const br = statSync(join(dist, path + '.br')).size, gz = statSync(join(dist, path + '.gz')).size;
    t.diagnostic(`${path}: identity ${file.length} B, gzip ${gz} B, br ${br} B`);
  }
});

test('issue 13: revalidation, HEAD and ranges respect the encoding', async () => {
  const path = '/catalogue.sqlite';
  const file = readFileSync(join(dist, 'catalogue.sqlite'));
  const br = await get(path, { 'accept-encoding': 'br' });
  const gz = await get(path, { 'accept-encoding': 'gzip' });
  assert.notEqual(br.headers.etag, gz.headers.etag);
  assert.equal((await get(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag })).status, 304);
  const other = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag });
  assert.equal(other.status, 200, 'a brotli ETag does not validate the gzip copy');
  assert.equal(other.headers['content-encoding'], 'gzip');
  const head = await get(path, { 'accept-encoding': 'br' }, 'HEAD');
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(Number(head.headers['content-length']), br.body.length);
  assert.equal(head.body.length, 0);
  const range = await get(path, { 'accept-encoding': 'br, gzip', range: 'bytes=100-199' });
  assert.equal(range.status, 206);
  assert.equal(range.headers['content-encoding'], undefined, 'a range is of the identity file');
  assert.ok(range.body.equals(file.subarray(100, 200)));
  // A copy is never sent with two codings, and a copy itself is not compressed again.
  for (const res of [br, gz]) assert.ok(!String(res.headers['content-encoding']).includes(','));
  const copy = await get('/catalogue.sqlite.br', { 'accept-encoding': 'br, gzip' });
  assert.equal(copy.headers['content-encoding'], undefined);
  assert.ok(copy.body.equals(readFileSync(join(dist, 'catalogue.sqlite.br'))));
});

// A deployment often copies dist/ with a plain `cp -r` or an upload tool: every file gets
// the time of the copy, in whatever order it went, so a copy can end up older than its
// file. The server decides by content: a copy is sent when it decodes to the file.
test('issue 13: copies made older than their files (a plain cp -r of dist/) are still sent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pietura-copies-'));
  const paths = ['manifest.json', 'lv/index.html', 'assets/pietura.wasm', 'catalogue.sqlite'];
  let copied;
  try {
    for (const p of paths)
      for (const suffix of ['', '.br', '.gz']) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        copyFileSync(join(dist, p + suffix), join(dir, p + suffix));
      }
    // The copies an hour older than their files, as when cp wrote them first.
    const hourAgo = new Date(Date.now() - 3600e3);
    for (const p of paths) for (const suffix of ['.br', '.gz']) utimesSync(join(dir, p + suffix), hourAgo, hourAgo);
    copied = await startServer(dir, ['--rate-limit', '0']);
    for (const p of paths) {
      for (const [accept, coding] of [['br', 'br'], ['gzip', 'gzip']]) {
        const res = await getFrom(copied.url, '/' + p, { 'accept-encoding': accept });
        assert.equal(res.headers['content-encoding'], coding, `${p} is sent as ${coding} although its copy is older`);
        assert.equal(res.body.length, statSync(join(dir, p + (coding === 'br' ? '.br' : '.gz'))).size);
      }
    }
  } finally {
    copied?.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 13: a copy that does not decode to its file is never sent, however new it is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pietura-stale-'));
  let copied;
  try {
    const page = '<!doctype html><title>now</title>' + 'the page as it is now. '.repeat(40);
    const old = '<!doctype html><title>old</title>' + 'the page as it was before. '.repeat(40);
    // What makes a folder a build the server will serve.
    for (const f of ['manifest.json', 'catalogue.sqlite']) copyFileSync(join(dist, f), join(dir, f));
    writeFileSync(join(dir, 'now.html'), page);
    writeFileSync(join(dir, 'now.html.br'), brotliCompressSync(old));   // stale, and newer than the file
    writeFileSync(join(dir, 'now.html.gz'), gzipSync(page + 'x'));      // one byte too many
    writeFileSync(join(dir, 'other.html'), page);
    writeFileSync(join(dir, 'other.html.br'), Buffer.from('not brotli at all'));
    writeFileSync(join(dir, 'other.html.gz'), Buffer.concat([gzipSync(page), gzipSync('more')]));  // a second member
    const future = new Date(Date.now() + 3600e3);
    for (const f of ['now.html.br', 'now.html.gz', 'other.html.br', 'other.html.gz']) utimesSync(join(dir, f), future, future);
    copied = await startServer(dir, ['--rate-limit', '0']);
    for (const path of ['/now.html', '/other.html']) {
      const res = await getFrom(copied.url, path, { 'accept-encoding': 'br, gzip' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined, `${path}: no copy that decodes to it`);
      assert.equal(res.body.toString(), page);
    }
    // A copy replaced on its own, the file untouched: the server notices without a restart.
    writeFileSync(join(dir, 'now.html.br'), brotliCompressSync(page));
    const fixed = await getFrom(copied.url, '/now.html', { 'accept-encoding': 'br, gzip' });
    assert.equal(fixed.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(fixed.body).toString(), page);
  } finally {
    copied?.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
