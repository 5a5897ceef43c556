// The Web Worker behind `unboil/worker` (worker.js): loads the WebAssembly module once, then
// answers each message {id, call, html, options} with {id, result} or {id, error}.
import init, { cleanArticle, isProbablyReaderable } from './web.js';

const ready = init();
const CALLS = { cleanArticle, isProbablyReaderable };

/** @param {MessageEvent<{ id: number, call: keyof typeof CALLS, html: string | Uint8Array, options?: import('./unboil.js').Options }>} event */
self.onmessage = async ({ data: { id, call, html, options } }) => {
  try {
    await ready;
    self.postMessage({ id, result: CALLS[call](html, options) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
