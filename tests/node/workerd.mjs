// Runs the Worker example (examples/worker/) in workerd, from the npm package `workerd`, for
// tests/node/workerd.test.mjs and bench/worker-load.mjs.
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './helpers.mjs';


/** A free TCP port on 127.0.0.1 (free when asked; workerd binds it right after). */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((done) => server.close(() => done(undefined)));
  return port;
}

/**
 * Copies the example into `app` (a project whose node_modules holds `unboil`), its worker.js
 * replaced by `worker` when given, and serves it with `workerd serve` on a free port of
 * 127.0.0.1; resolves once it answers, to { origin, log(), stop() }. workerd's output is kept
 * and shown if it exits early.
 * @param {string} app
 * @param {string} [worker]
 */
export async function serveExample(app, worker) {
  copyFileSync(join(root, 'examples/worker/config.capnp'), join(app, 'config.capnp'));
  if (worker === undefined) copyFileSync(join(root, 'examples/worker/worker.js'), join(app, 'worker.js'));
  else writeFileSync(join(app, 'worker.js'), worker);
  const port = await freePort();
  const workerd = spawn(join(root, 'node_modules/.bin/workerd'), ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
    { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  workerd.stdout.on('data', (chunk) => (log += chunk));
  workerd.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((done) => workerd.once('exit', (code) => done(code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (workerd.exitCode !== null) throw new Error(`workerd exited with ${workerd.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      workerd.kill();
      throw new Error(`workerd did not answer within 30 s:\n${log}`);
    }
    try {
      await fetch(origin, { method: 'OPTIONS' });
      break;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return {
    origin,
    /** workerd's output so far. */
    log: () => log,
    stop: async () => {
      if (workerd.exitCode === null) workerd.kill();
      await exited;
    },
  };
}
