// Screenshot tests of the editors' studio: the native build in a real window under
// Xvfb, and the web build (dist/studio/) in Debian's headless Chromium, each render
// a non-empty map and hours heatmap from the default content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startServer } from './helpers.mjs';

const studio = join(root, 'build/bin/pietura-studio');

// A minimal PNG reader for what stb_image_write and Chromium produce: 8-bit RGB or
// RGBA, not interlaced.
function readPng(buf) {
  assert.equal(buf.toString('latin1', 1, 4), 'PNG');
  let pos = 8, width = 0, height = 0, bpp = 4, idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth'); assert.ok(data[9] === 6 || data[9] === 2, 'RGB(A)'); assert.equal(data[12], 0, 'interlace');
      bpp = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * bpp, px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0, b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, at: (x, y) => { const i = (y * width + x) * bpp; return [px[i], px[i + 1], px[i + 2]]; } };
}

function colours(img, x0, y0, x1, y1) {
  const seen = new Map();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const k = img.at(x, y).join(',');
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return seen;
}

// The studio at 1280×800 showing the week of 21 December 2026 (Christmas holidays
// and a shortened pre-holiday day).
function assertStudioPicture(img) {
  assert.equal(img.width, 1280);
  assert.equal(img.height, 800);
  // The map (left half): contact points in their kind colours, settlements in distance colours.
  const map = colours(img, 0, 60, 660, 800);
  for (const [name, rgb] of [['VPVKAC', '25,85,200'], ['library', '140,40,170'], ['settlement >20 km', '210,40,40'],
    ['settlement ≤10 km', '200,190,30']])
    assert.ok((map.get(rgb) ?? 0) > 50, `map shows ${name} points`);
  // The heatmap (top right): many shades of blue between the empty and the busiest hour.
  const heat = colours(img, 900, 70, 1280, 240);
  const blues = [...heat.keys()].map((k) => k.split(',').map(Number)).filter(([r, g, b]) => b > r + 20 && b > 150);
  assert.ok(blues.length >= 5, `heatmap has ${blues.length} shades`);
  // Monday 10:00–11:00 is busy; Thursday 24 December (a holiday) is empty at the same hour.
  const cell = (day, hour) => img.at(Math.round(673 + 235 + (hour - 6 + 0.5) * ((1280 - 665 - 16 - 235) / 16)), Math.round(55 + 18 + day * 22 + 11));
  assert.ok(cell(0, 10)[0] < 120, `Monday 10:00 is dark (${cell(0, 10)})`);
  assert.ok(cell(3, 10)[0] > 230, `Christmas Eve 10:00 is empty (${cell(3, 10)})`);
}

test('native studio renders a map and an hours heatmap under Xvfb', { timeout: 120000 }, () => {
  assert.ok(existsSync(studio), 'build/bin/pietura-studio is built (tools/setup.sh installs Dear ImGui and GLFW)');
  const png = join(mkdtempSync(join(tmpdir(), 'pietura-studio-')), 'studio.png');
  const out = execFileSync('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', studio, '--content', join(root, 'content'),
    '--date', '2026-12-21', '--size', '1280x800', '--screenshot', png], { encoding: 'utf8', timeout: 100000 });
  assert.match(out, /screenshot: .* \(1280x800\)/);
  assertStudioPicture(readPng(readFileSync(png)));
});

test('web studio at /studio/ renders the same in headless Chromium', { timeout: 120000 }, async () => {
  assert.ok(existsSync(join(root, 'dist/studio/pietura-studio.wasm')), 'dist/studio/ is built (tools/setup.sh fetches the Dear ImGui source)');
  const server = await startServer();
  const { chromium } = await import('playwright-core');
  // WebGL 2 without a GPU: Chromium's software renderer.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/studio/?date=2026-12-21');
    await page.waitForSelector('body[data-studio="ready"]', { timeout: 60000 });
    assert.deepEqual(errors, []);
    assertStudioPicture(readPng(await page.screenshot()));
  } finally {
    await browser.close();
    server.stop();
  }
});
