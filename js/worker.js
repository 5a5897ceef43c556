// `unboil/worker`: cleanArticle and isProbablyReaderable run in a module Web Worker and answer
// with promises, so that cleaning a large page leaves the main thread free. One worker is
// started on the first call and reused; it loads the module once. Types and docs: worker.d.ts.

/** @typedef {{ resolve: (value: any) => void, reject: (error: Error) => void }} Pending */

/** @type {Worker | null} */
let worker = null;
/** @type {Map<number, Pending>} the calls sent and not yet answered, by id */
const pending = new Map();
let lastId = 0;

/** The worker, started on first use (the `new Worker(new URL(…))` form bundlers follow). */
function started() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    pending.delete(data.id);
    if ('error' in data) call?.reject(new Error(data.error));
    else call?.resolve(data.result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop(new Error(`unboil: the worker failed: ${event.message || 'its script did not load'}`));
  };
  return worker;
}

/**
 * Sends one call to the worker; resolves to its result.
 * @param {'cleanArticle' | 'isProbablyReaderable'} call
 * @param {string | Uint8Array} html
 * @param {import('./unboil.js').Options} [options]
 * @returns {Promise<any>}
 */
function send(call, html, options) {
  return new Promise((resolve, reject) => {
    const id = ++lastId;
    pending.set(id, { resolve, reject });
    try {
      started().postMessage({ id, call, html, options });
    } catch (error) {
      pending.delete(id); // options that cannot be cloned
      throw error;
    }
  });
}

/** Stops the worker and rejects the calls it has not answered. @param {Error} reason */
function stop(reason) {
  worker?.terminate();
  worker = null;
  for (const call of pending.values()) call.reject(reason);
  pending.clear();
}

/** @type {import('./worker.d.ts').cleanArticle} */
export const cleanArticle = (html, options) => send('cleanArticle', html, options);

/** @type {import('./worker.d.ts').isProbablyReaderable} */
export const isProbablyReaderable = (html, options) => send('isProbablyReaderable', html, options);

/** @type {import('./worker.d.ts').terminate} */
export const terminate = () => stop(new Error('unboil: the worker was terminated'));
