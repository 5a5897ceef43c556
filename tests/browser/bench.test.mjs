// The browser benchmark (bench/browser-speed.mjs) prints the extension's click-to-overlay
// times (cold and warm, shown and drawn, on the typical article and the 1 MB page), then runs
// the side by side on two corpus pages in Chromium and prints, for each of its three methods,
// six figures with no failed run, the outerHTML share of (a), and the ratios. Skipped without
// the shared corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readabilityPages } from '../../bench/corpus.mjs';
import { root } from '../node/helpers.mjs';

const skip = readabilityPages().length === 0 && 'no shared corpus at $UNBOIL_SHARED or ../shared';

test('bench/browser-speed.mjs --limit 2 times the extension\'s click, then unboil and Readability on two pages', { skip, timeout: 180_000 }, () => {
  const out = execFileSync(process.execPath, ['bench/browser-speed.mjs', '--click-rounds', '1', '--limit', '2', '--repeat', '2'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /^click to overlay, extension in Chromium [\d.]+, median \(range\) of 1 click:$/m, out);
  for (const page of ['/article.html', '/big.html']) {
    for (const kind of ['cold', 'warm']) {
      assert.match(out, new RegExp(`^${page.replace('.', '\\.')} \\(\\d+ KB\\) ${kind} +shown \\d+ ms \\(\\d+–\\d+\\) +drawn \\d+ ms \\(\\d+–\\d+\\)$`, 'm'), out);
    }
  }
  assert.match(out, /^2 pages \(all\)/m, out);
  for (const method of ['(a) unboil', '(b) Readability', '(c) Readability']) {
    const line = out.split('\n').find((l) => l.startsWith(method));
    assert.ok(line, `no row for ${method}: ${out}`);
    const figures = line.slice(40).trim().split(/\s+/).map(Number);
    assert.equal(figures.length, 6, line);
    assert.ok(figures.slice(0, 5).every((ms) => ms > 0 && ms < 10_000), line);
    assert.equal(figures[5], 0, `failed runs: ${line}`);
  }
  assert.match(out, /^ +of which outerHTML(\s+\d+\.\d+){4}$/m, out);
  assert.match(out, /^a\/b(\s+\d+\.\d+){4}$/m, out);
  assert.match(out, /^a\/c(\s+\d+\.\d+){4}$/m, out);
});
