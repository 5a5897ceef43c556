// The memory benchmark (bench/memory.mjs) runs on the two smallest sizes and prints its two
// tables with figures that hold together: each peak covers at least the input (the native CLI
// reads the whole file; the WASM glue copies the input into linear memory). Skipped without
// the shared corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readabilityPages } from '../../bench/corpus.mjs';
import { root } from './helpers.mjs';

const skip = readabilityPages().length === 0 && 'no shared corpus at $UNBOIL_SHARED or ../shared';

test('bench/memory.mjs --limit 2 prints a native and a WASM table of two sizes', { skip, timeout: 60_000 }, () => {
  const out = execFileSync(process.execPath, ['bench/memory.mjs', '--limit', '2'], { cwd: root, encoding: 'utf8' });
  const tables = out.split(/\n(?=native CLI|WASM)/).slice(1);
  assert.equal(tables.length, 2, out);
  for (const table of tables) {
    const rows = table.split('\n').filter((line) => /^\s+\d/.test(line)).map((line) => line.trim().split(/\s+/).map(Number));
    assert.equal(rows.length, 2, table);
    for (const [input, all, allRatio, , html, htmlRatio] of rows) {
      assert.ok(input > 0.05 && input < 1, `input ${input} MB`);
      assert.ok(all >= input && html >= input, `peak below the input: ${table}`);
      const near = (/** @type {number} */ ratio, /** @type {number} */ peak) => Math.abs(ratio - peak / input) < 0.1 * ratio; // the MB columns are rounded
      assert.ok(near(allRatio, all) && near(htmlRatio, html), table);
    }
  }
});
