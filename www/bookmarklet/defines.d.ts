// Constants that scripts/build-bookmarklet.mjs puts into the bookmarklets' source (esbuild's
// `define`), declared here for the type check.

/** The base URL the hosted bookmarklet loads its module from (no trailing slash). */
declare const __UNBOIL_BASE__: string;
/** unboil's WebAssembly module, gzipped and base64-encoded, in the self-contained bookmarklet. */
declare const __UNBOIL_WASM_GZIP_BASE64__: string;
