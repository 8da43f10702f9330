// Booking benchmark (issue 5), part of the report tools/bench.mjs prints: how many
// bookings per second `pietura serve` accepts on this machine, each one committed
// to disk (WAL, synchronous=FULL) before its 201, and the p99 latency, measured
// with wrk from Debian. The content is the default one with the VSAA schedule made
// roomy (10-minute slots round the clock, 20 seats, 120 days) so that seats do not
// run out during the run; each request books a different seat with its own key.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'build/bin/pietura');

function haveWrk() {
  try { execFileSync('wrk', ['--version'], { stdio: 'ignore' }); return true; } catch (e) { return e.status === 1; }
}

export async function benchBookings({ seconds = 5, connections = 16 } = {}) {
  if (!haveWrk()) { console.log('  bookings: wrk not installed (tools/setup.sh installs it)'); return; }
  const tmp = mkdtempSync(join(tmpdir(), 'pietura-bench-booking-'));
  let server;
  try {
    cpSync(join(root, 'content'), join(tmp, 'content'), { recursive: true });
    const cpFile = join(tmp, 'content/contact-points/vpvkac-cesis.json');
    const cp = JSON.parse(readFileSync(cpFile, 'utf8'));
    writeFileSync(cpFile, JSON.stringify({ ...cp, hours: '24/7' }));
    const vsaaFile = join(tmp, 'content/consultations/vsaa.json');
    const vsaa = JSON.parse(readFileSync(vsaaFile, 'utf8'));
    writeFileSync(vsaaFile, JSON.stringify({ ...vsaa, slot_minutes: 10, windows: '24/7', seats: 20,
      notice_working_days: 0, horizon_days: 120, contact_points: ['vpvkac-cesis'] }));
    execFileSync(cli, ['build', '--quiet', '--content', join(tmp, 'content'), '--out', join(tmp, 'dist'),
      '--i18n', join(root, 'i18n'), '--web', join(root, 'web'), '--wasm', join(tmp, 'no-wasm')], { stdio: 'ignore' });

    server = await startServe({ dir: join(tmp, 'dist'), args: ['--data', join(tmp, 'data'), '--rate-limit', '0'], cli,
      stderr: 'ignore' });
    const { url } = server;
    const res = await fetch(`${url}/api/slots?institution=vsaa&contact_point=vpvkac-cesis&days=120`);
    const starts = (await res.json()).slots.map((s) => s.start_unix);

    // Each request: the next slot round-robin, a fresh idempotency key per thread and counter.
    writeFileSync(join(tmp, 'book.lua'), `
local starts = {${starts.join(',')}}
local counter = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) tid = tid or 0 end
function request()
  counter = counter + 1
  local start = starts[(counter * 7 + tid) % #starts + 1]
  local body = '{"institution":"vsaa","topic":"pensijas","contact_point":"vpvkac-cesis","start":' .. start ..
    ',"name":"Bench Person","phone":"+37129123456","lang":"lv"}'
  return wrk.format("POST", "/api/bookings", {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. tid .. "-" .. counter}, body)
end
`);
    const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', join(tmp, 'book.lua'), url],
      { encoding: 'utf8' });
    const rps = Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]);
    const p99 = (out.match(/\s99%\s+([\d.]+\w+)/) || [])[1];
    const non2xx = Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
    // Thousands of bookings when many days are still free (early in a month): far past
    // execFileSync's default 1 MB buffer, which would end the report.
    const csv = execFileSync(cli, ['export', 'bookings', '--data', join(tmp, 'data')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const accepted = csv.trim().split('\r\n').length - 1;
    console.log(`  bookings (wrk, 2 threads, ${connections} connections, ${seconds} s, POST /api/bookings, ` +
      `each committed with synchronous=FULL before its 201):`);
    console.log(`    ${rps.toFixed(0)} requests/s, ${accepted} bookings accepted = ${(accepted / seconds).toFixed(0)} bookings/s, ` +
      `p99 latency ${p99}, refused ${non2xx}`);
  } finally {
    server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
