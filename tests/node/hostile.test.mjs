// Hostile sizes through the WebAssembly build: each input is cleaned in a fresh Node process
// (a WebAssembly memory only grows), which reports the time and memory.buffer.byteLength; the
// memory must stay under the README's bound of 40 times the input plus 20 MiB. Sizes are a
// tenth of the full ones unless UNBOIL_FULL_SIZES=1 (then a 50 MB page, 100 000-deep nesting,
// 1 000 000 siblings, a 10 MB text node, 100 000 attributes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './helpers.mjs';

const SCALE = process.env.UNBOIL_FULL_SIZES === '1' ? 1 : 10;
const MIB = 2 ** 20;

// Runs in the child: builds the input, cleans it, prints { bytes, ms, memory, words }.
const CHILD = `
import { readFileSync } from 'node:fs';
import { initSync, cleanArticle } from ${JSON.stringify(join(root, 'pkg/unboil.js'))};
const wasm = initSync({ module: readFileSync(${JSON.stringify(join(root, 'pkg/unboil_bg.wasm'))}) });
const [kind, n] = [process.argv[1], Number(process.argv[2])];
const P = 'The harbour ferry left on time this morning, carrying commuters, cyclists and a few tourists across the grey water to the old town.';
const bodies = {
  page: () => ('<section><h2>Part</h2><p>' + P + '</p><p>' + P + ' <a href="/more">more</a></p></section>\\n').repeat(Math.floor(n / 330)),
  deep: () => '<div>'.repeat(n) + '<p>' + P + '</p>' + '</div>'.repeat(n),
  siblings: () => '<span>w </span>'.repeat(n),
  text: () => '<p>' + 'word '.repeat(n / 5) + '</p>',
  attributes: () => '<p' + Array.from({ length: n }, (_, i) => ' data-a' + i + '="v' + i + '"').join('') + '>' + P + '</p>',
};
const html = '<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1><p>' + P + '</p>' + bodies[kind]() + '<p>' + P + '</p></article></body></html>';
const bytes = new TextEncoder().encode(html);
const start = performance.now();
const article = cleanArticle(bytes);
console.log(JSON.stringify({ bytes: bytes.length, ms: performance.now() - start, memory: wasm.memory.buffer.byteLength, words: article.wordCount }));
`;

/** @type {[string, number][]} kind of input, its full size */
const CASES = [
  ['page', 50_000_000],
  ['deep', 100_000],
  ['siblings', 1_000_000],
  ['text', 10_000_000],
  ['attributes', 100_000],
];

for (const [kind, full] of CASES) {
  test(`${kind} (${full / SCALE}) cleans within the memory bound`, { timeout: 600_000 }, () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, kind, String(full / SCALE)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { bytes, ms, memory, words } = JSON.parse(out);
    console.log(`# ${kind}: ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms, WebAssembly memory ${(memory / MIB).toFixed(0)} MiB`);
    assert.ok(words > 20, 'the article keeps its prose');
    assert.ok(memory <= 40 * bytes + 20 * MIB, `${(memory / MIB).toFixed(0)} MiB for ${bytes} bytes`);
  });
}
