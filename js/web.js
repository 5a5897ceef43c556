// The package's ES module for browsers, workers and bundlers: `await init()` once, then
// cleanArticle and isProbablyReaderable run synchronously. Types and docs: unboil.d.ts.
import load, * as wasm from '../pkg/unboil.js';

let ready = false;

/** @type {import('./unboil.js').init} */
export async function init(source) {
  await load(source === undefined ? undefined : { module_or_path: source });
  ready = true;
}

/** @type {import('./unboil.js').cleanArticle} */
export function cleanArticle(html, options) {
  loaded();
  return wasm.cleanArticle(html, options);
}

/** @type {import('./unboil.js').isProbablyReaderable} */
export function isProbablyReaderable(html, options) {
  loaded();
  return wasm.isProbablyReaderable(html, options);
}

function loaded() {
  if (!ready) throw new Error('unboil: call `await init()` before cleaning pages');
}

export default init;
