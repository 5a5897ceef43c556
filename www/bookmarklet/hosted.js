// Entry of the hosted bookmarklet's module (built into dist/bookmarklet/run.js, which the
// loader bookmarklet imports from its base URL): toggles the reader over the page, loading
// unboil's WebAssembly from next to this module the first time.
import init, { cleanArticle } from '../../js/web.js';
import { toggleArticle } from './reader.js';

const WASM_FILE = 'unboil_bg.wasm';
/** @type {Promise<void> | undefined} */
let ready;

/** Opens the reader over the current page, or closes it when open; resolves to 'opened' or 'closed'. */
export async function toggle() {
  ready ??= init(new URL(WASM_FILE, import.meta.url)).catch((error) => {
    ready = undefined;
    throw error;
  });
  await ready;
  return toggleArticle(cleanArticle);
}
