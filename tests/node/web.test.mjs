// The web entry, run in Node: it refuses to clean before init(), loads the optimized .wasm
// from bytes, and its articles equal the native CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, cleanArticle, isProbablyReaderable } from '../../js/web.js';
import { nativeCli, sh, snakeJson } from './helpers.mjs';

const wasmFile = new URL('../../pkg/unboil_bg.wasm', import.meta.url);
const sampleFile = new URL('../../samples/harbor-ferries.html', import.meta.url);

/** Names of a module's custom sections, in order. @param {Uint8Array} bytes */
function customSections(bytes) {
  /** @type {string[]} */
  const names = [];
  let i = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[i++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const end = leb() + i;
    if (id === 0) {
      const length = leb();
      names.push(new TextDecoder().decode(bytes.subarray(i, i + length)));
    }
    i = end;
  }
  return names;
}

test('cleaning before init() throws a clear Error', () => {
  assert.throws(() => cleanArticle('<p>x</p>'), /call `await init\(\)`/);
  assert.throws(() => isProbablyReaderable('<p>x</p>'), /call `await init\(\)`/);
});

test('the shipped .wasm is the optimized one and it loads', async () => {
  const bytes = readFileSync(wasmFile);
  assert.ok(WebAssembly.validate(bytes));
  assert.ok(!customSections(bytes).includes('name'), 'wasm-opt did not run: the name section is still there');
  await init(bytes);
  await init(); // a second call returns the first load
  assert.equal(isProbablyReaderable(readFileSync(sampleFile)), true);
});

test("the web entry's article equals the native CLI's", () => {
  const url = 'https://news.example/harbor-ferries';
  const native = sh(nativeCli(), [sampleFile.pathname, '--url', url, '--format', 'json']);
  assert.equal(`${snakeJson(cleanArticle(readFileSync(sampleFile), { url }))}\n`, native);
});
