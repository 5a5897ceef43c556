// The package's Node entry: the WebAssembly module is read and compiled synchronously on
// import, so cleanArticle works at once. Types and docs: unboil.d.ts.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/unboil.js';

initSync({ module: readFileSync(new URL('../pkg/unboil_bg.wasm', import.meta.url)) });

export { cleanArticle, isProbablyReaderable } from '../pkg/unboil.js';

/** Nothing to do in Node; here so code written for the web entry runs unchanged. */
export async function init() {}

export default init;
