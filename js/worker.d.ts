/**
 * `unboil/worker`: the cleaning in a module Web Worker, so that a large page does not block the
 * main thread. The worker starts on the first call, loads the WebAssembly module once and
 * serves every later call; pages and options are copied to it (structured clone).
 * Bundlers that follow `new Worker(new URL('…', import.meta.url))`, Vite among them, bundle
 * the worker without configuration.
 * @packageDocumentation
 */
import type { Article, Options } from './unboil.js';

export type { Article, Format, Options } from './unboil.js';

/**
 * {@link import('./unboil.js').cleanArticle} in the worker.
 * @returns the article; rejects with an `Error` where the direct call throws one (bad options,
 * empty input, input that is not HTML …) or when the worker fails to load.
 */
export function cleanArticle(html: string | Uint8Array, options?: Options): Promise<Article>;

/** {@link import('./unboil.js').isProbablyReaderable} in the worker. */
export function isProbablyReaderable(html: string | Uint8Array, options?: Options): Promise<boolean>;

/**
 * Stops the worker and rejects the calls still waiting; the next call starts a new one (and
 * loads the module again).
 */
export function terminate(): void;
