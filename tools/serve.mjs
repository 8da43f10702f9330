// Starts `pietura serve` on a free port and resolves once it answers HTTP: the one
// starter for the Node.js tests (tests/node/helpers.mjs) and the benchmarks
// (tools/bench-first-answer.mjs, tools/bench-booking.mjs, tools/lighthouse.mjs).
//
//   const server = await startServe({ dir: 'dist', args: ['--rate-limit', '0'] });
//   await fetch(server.url + '/lv/');   // "http://127.0.0.1:PORT", no trailing slash
//   server.stop();                      // SIGTERM; server.proc is the child process
//
// It rejects, with what the server printed, when the server exits first or does not
// answer within `timeoutMs`: a benchmark must never wait forever for a dead server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const defaultCli = join(root, 'build/bin/pietura');

export function startServe({ dir, args = [], cli = defaultCli, timeoutMs = 15000, stderr = 'pipe' } = {}) {
  if (!dir) throw new Error('startServe: no folder to serve');
  const proc = spawn(cli, ['serve', '--port', '0', '--dir', dir, ...args], { stdio: ['ignore', 'pipe', stderr] });
  let out = '';
  return new Promise((resolve, reject) => {
    let settled = false, polling = false;
    const fail = (why) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`pietura serve ${why}: ${out.trim()}`));
    };
    const timer = setTimeout(() => fail(`did not answer within ${timeoutMs} ms`), timeoutMs);
    proc.on('error', (e) => fail(`could not start (${e.message})`));
    proc.on('exit', (code, signal) => fail(`exited (${signal ?? code})`));
    // Only the tail is kept: a long benchmark must not hoard the server's log.
    const keep = (d) => { out = (out + d).slice(-65536); };
    proc.stderr?.on('data', keep);
    proc.stdout.on('data', async (d) => {
      keep(d);
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (!m || settled || polling) return;
      polling = true;
      const url = `http://127.0.0.1:${m[1]}`;
      // The address is printed once the socket listens; one answered request proves
      // the routes are up too (any status will do: an empty folder answers 404).
      while (!settled) {
        try {
          await fetch(url + '/', { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(2000) });
          settled = true;
          clearTimeout(timer);
          resolve({ url, port: Number(m[1]), proc, stop: () => proc.kill('SIGTERM'), output: () => out });
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
  });
}
