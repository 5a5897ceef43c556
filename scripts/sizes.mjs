#!/usr/bin/env node
// Sizes of the npm package's WebAssembly module and JS (run `npm run build` first): raw,
// gzip -9 (the gzip command, as the budget is measured) and brotli (quality 11, Node's zlib),
// and the web engine's total (module, glue and web entry) against the budget of 300 KB gzip /
// 250 KB brotli. Run directly (or through scripts/size-report.sh) it prints a table and PASS or
// FAIL and exits 1 on FAIL; tests/node/size.test.mjs imports it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The web engine's budget in bytes (KB = 1000 bytes), compressed. */
export const BUDGET = { gzip: 300_000, brotli: 250_000 };

/**
 * The web engine's measured size rounded up to the next KB, so that growth shows as a failing
 * test (tests/node/size.test.mjs). Lower it when the engine shrinks; raise it only for a
 * feature worth the bytes, and say so in the commit.
 */
export const CEILING = { gzip: 297_000, brotli: 241_000 };

/** The files measured; `engine` marks those a web app downloads. */
export const FILES = [
  { file: 'pkg/unboil_bg.wasm', engine: true },
  { file: 'pkg/unboil.js', engine: true },
  { file: 'js/web.js', engine: true },
  { file: 'js/node.js', engine: false },
];

/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */

/** Raw, gzip -9 and brotli sizes of one file's bytes. @param {Buffer} bytes @returns {Sizes} */
export function sizesOf(bytes) {
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  return { raw: bytes.length, gzip: execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 26 }).length, brotli: brotli.length };
}

/** Every file's sizes, the web engine's total, and whether that total is within the budget. */
export function measure() {
  const rows = FILES.map(({ file, engine }) => ({ file, engine, ...sizesOf(readFileSync(root + file)) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows.filter((r) => r.engine)) for (const k of /** @type {const} */ (['raw', 'gzip', 'brotli'])) total[k] += row[k];
  return { rows, total, pass: total.gzip <= BUDGET.gzip && total.brotli <= BUDGET.brotli };
}

function report() {
  const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} KB`.padStart(13);
  const line = (/** @type {string} */ name, /** @type {Sizes} */ s) => `${name.padEnd(22)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`;
  const { rows, total, pass } = measure();
  console.log(`${'file'.padEnd(22)}${'raw'.padStart(13)}${'gzip -9'.padStart(13)}${'brotli'.padStart(13)}`);
  for (const row of rows) console.log(line(row.file, row));
  console.log(line('web engine total', total));
  console.log(`budget ${BUDGET.gzip / 1000} KB gzip / ${BUDGET.brotli / 1000} KB brotli: ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = report() ? 0 : 1;
