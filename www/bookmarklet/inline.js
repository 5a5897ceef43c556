// Source of the self-contained bookmarklet (a `javascript:` URL made by
// scripts/build-bookmarklet.mjs): the overlay, the glue and unboil's WebAssembly, gzipped and
// base64-encoded into __UNBOIL_WASM_GZIP_BASE64__. The first click keeps its toggle function on
// the page's global object, so later clicks reuse the compiled module and close the reader
// when it is open. A page whose CSP forbids WebAssembly gets a message instead.
import init, { cleanArticle } from '../../js/web.js';
import { guard } from './guard.js';
import { toggleArticle } from './reader.js';

const INSTANCE = Symbol.for('unboil.bookmarklet');

/** The bookmarklet's toggle: opens the reader, or closes it when open. */
function makeToggle() {
  /** @type {Promise<void> | undefined} */
  let ready;
  return () => guard(async () => {
    ready ??= loadWasm().catch((error) => {
      ready = undefined;
      throw error;
    });
    await ready;
    toggleArticle(cleanArticle);
  }, { about: `${__UNBOIL_BASE__}/bookmarklet/#csp` });
}

/** Inflates and compiles the inlined module (a CompileError where the page's CSP forbids it). */
async function loadWasm() {
  const gzip = Uint8Array.from(atob(__UNBOIL_WASM_GZIP_BASE64__), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await init(await WebAssembly.compile(bytes));
}

const global = /** @type {typeof globalThis & { [INSTANCE]?: () => Promise<void> }} */ (globalThis);
(global[INSTANCE] ??= makeToggle())();
