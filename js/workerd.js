// The package's entry for workerd, the runtime of Cloudflare Workers (export condition
// `workerd`): Workers import a `.wasm` file as a compiled WebAssembly.Module, so the module is
// instantiated synchronously on import and cleanArticle works at once, as in Node. Types and
// docs: unboil.d.ts.
import module from '../pkg/unboil_bg.wasm';
import { initSync } from '../pkg/unboil.js';

initSync({ module });

export { cleanArticle, isProbablyReaderable } from '../pkg/unboil.js';

/** Nothing to do in workerd; here so code written for the web entry runs unchanged. */
export async function init() {}

export default init;
