// The package's ES module for browsers, workers and bundlers: `await init()` once, then
// cleanArticle and isProbablyReaderable run synchronously. Types and docs: unboil.d.ts.
import load, * as wasm from '../pkg/unboil.js';

let ready = false;

export async function init(source) {
  await load(source === undefined ? undefined : { module_or_path: source });
  ready = true;
}

export function cleanArticle(html, options) {
  loaded();
  return wasm.cleanArticle(html, options);
}

export function isProbablyReaderable(html, options) {
  loaded();
  return wasm.isProbablyReaderable(html, options);
}

function loaded() {
  if (!ready) throw new Error('unboil: call `await init()` before cleaning pages');
}

export default init;
