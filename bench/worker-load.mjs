#!/usr/bin/env node
// Load on the Worker example (examples/worker/) in local workerd: clients each POST a typical
// article (samples/harbor-ferries.html, 8.8 KB) for the JSON article, one request after the
// other, for `--seconds N` (default 10) after a 2-second warm-up; prints requests/s and p50/p99
// latency for each client count of `--clients 1,4,16` (default). Run `npm run build` first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveExample } from '../tests/node/workerd.mjs';
import { option, root } from './corpus.mjs';

const seconds = Number(option('seconds', '10'));
const clientCounts = option('clients', '1,4,16').split(',').map(Number);
const page = readFileSync(join(root, 'samples/harbor-ferries.html'));
const url = 'https://www.baysidecourier.example/2025/04/14/ferries';

/**
 * Runs `clients` clients for `ms` milliseconds; resolves to the latency of every request in ms.
 * @param {string} origin
 * @param {number} clients
 * @param {number} ms
 */
async function load(origin, clients, ms) {
  /** @type {number[]} */
  const latencies = [];
  const end = performance.now() + ms;
  const client = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const response = await fetch(`${origin}/?url=${encodeURIComponent(url)}`, { method: 'POST', body: page, headers: { 'content-type': 'text/html' } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`status ${response.status}: ${body}`);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return latencies;
}

/** The q-quantile of sorted numbers (nearest rank). @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const app = mkdtempSync(join(tmpdir(), 'unboil-worker-load-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules/unboil'));
const worker = await serveExample(app);
try {
  console.log(`samples/harbor-ferries.html (${page.length} bytes) → JSON article, ${seconds} s per row, workerd on 127.0.0.1`);
  console.log('| clients | requests | requests/s | p50 ms | p99 ms |\n| ---: | ---: | ---: | ---: | ---: |');
  for (const clients of clientCounts) {
    await load(worker.origin, clients, 2000);
    const latencies = (await load(worker.origin, clients, seconds * 1000)).sort((a, b) => a - b);
    const rate = latencies.length / seconds;
    console.log(`| ${clients} | ${latencies.length} | ${rate.toFixed(1)} | ${quantile(latencies, 0.5).toFixed(2)} | ${quantile(latencies, 0.99).toFixed(2)} |`);
  }
} finally {
  await worker.stop();
  rmSync(app, { recursive: true, force: true });
}
