// For the type check (npm run typecheck) only: the types of the two functions the glue in pkg/
// exports. wasm/src/lib.rs marks them skip_typescript, so wasm-bindgen's pkg/unboil.d.ts leaves them
// out; js/unboil.d.ts, the package's types, documents them.
import type { Article, Options } from '../js/unboil.js';

declare module '../pkg/unboil.js' {
  export function cleanArticle(html: string | Uint8Array, options?: Options): Article;
  export function isProbablyReaderable(html: string | Uint8Array, options?: Options): boolean;
}
