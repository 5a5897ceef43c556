/**
 * unboil turns a web page's HTML into a clean reader-mode article.
 *
 * In browsers, workers and bundlers call `await init()` once first; in Node the module is
 * ready on import (`init()` resolves at once there).
 * @packageDocumentation
 */

/** An output format of the article body. */
export type Format = 'html' | 'text' | 'markdown';

/**
 * How to clean a page. Every key is optional; `undefined` or `null` means the default.
 * An unknown key or a value of the wrong type throws an `Error` naming the key.
 */
export interface Options {
  /** The page's URL: the base of relative links, unless the page has a `<base href>`. */
  url?: string | null;
  /**
   * Charset to assume (a WHATWG label such as `"windows-1251"`) when the bytes carry no BOM
   * and the page declares none. Only used for `Uint8Array` input.
   */
  charset?: string | null;
  /** Keep images, pictures and figures' media (default `true`). */
  keepImages?: boolean | null;
  /**
   * Selectors of elements to drop, whatever the decision: tags, `*`, `.class`, `#id`,
   * attribute selectors, compounds, descendant and `>` combinators, comma lists.
   */
  removeSelectors?: readonly string[] | null;
  /** Selectors of elements to keep, whatever the decision (same syntax as `removeSelectors`). */
  keepSelectors?: readonly string[] | null;
  /** Largest input accepted, in bytes (UTF-8 bytes for a string; default 64 MiB). */
  maxBytes?: number | null;
  /**
   * Largest number of elements read; past it the page is cut off and cleaned as far as it
   * was read (default 4 000 000).
   */
  maxElements?: number | null;
  /**
   * Which bodies to produce: an array lists exactly those (the others are `""`, or `null`
   * for markdown); an object turns single formats off (a missing key stays on). Default: all.
   */
  formats?: readonly Format[] | { html?: boolean; text?: boolean; markdown?: boolean } | null;
  /**
   * Drop the elements marked `data-unboil-hidden`, whatever the decision (default `false`).
   * A script in the page marks what the browser does not render (`display: none`,
   * `visibility: hidden`, zero-size or off-screen boxes) and fixed or sticky layers that cover
   * the page (cookie walls, newsletter pop-ups, sticky bars), serializes the page, and removes
   * the marks at once: the reader view's `markHidden` (www/overlay/hidden.js) does exactly
   * that. No HTML-only extractor can know these things.
   */
  renderedHints?: boolean | null;
}

/** A clean article and its metadata. Absent values are `null`. */
export interface Article {
  /** Headline, without the site-name suffix. */
  title: string | null;
  /** Author or authors, comma-separated, without a "By" prefix. */
  byline: string | null;
  /** Publication date-time in ISO 8601, as precise as the page gives it. */
  published: string | null;
  /** Last-modified date-time in ISO 8601. */
  modified: string | null;
  /** Name of the publication. */
  siteName: string | null;
  /** Language tag of the page (BCP 47, as the page gives it). */
  lang: string | null;
  /** Text direction: `"ltr"`, `"rtl"` or `"auto"`. */
  dir: string | null;
  /** A short summary: the page's description, or the article's first paragraph. */
  excerpt: string | null;
  /** Absolute URL of the lead image. */
  leadImage: string | null;
  /** Sanitized body as HTML (without the title), safe for `innerHTML`; `""` when not asked for. */
  html: string;
  /** Body as plain text: the running text, without the title and figure captions (the HTML and Markdown keep them); `""` when not asked for. */
  text: string;
  /** Body as CommonMark (with GFM tables); `null` when not asked for. */
  markdown: string | null;
  /** Words in the text; CJK characters count one each. */
  wordCount: number;
  /** Reading time in whole minutes (at least 1 for a non-empty text). */
  readingMinutes: number;
  /** Whether the page looks like an article a reader mode can show. */
  readerable: boolean;
}

/**
 * Cleans a page: finds the article, drops the boilerplate and returns the article with its
 * metadata. Bytes may be in any charset (BOM, `<meta charset>`, `options.charset`, else UTF-8
 * when valid and windows-1252 otherwise).
 * @throws Error for bad options, empty input, input that is not HTML, an unknown charset or
 * input over `maxBytes`.
 */
export function cleanArticle(html: string | Uint8Array, options?: Options): Article;

/**
 * Whether a page looks like an article a reader mode can show. Takes the same options as
 * {@link cleanArticle} (`formats` aside). Empty input and input that is not HTML give `false`.
 * @throws Error for bad options, an unknown charset or input over `maxBytes`.
 */
export function isProbablyReaderable(html: string | Uint8Array, options?: Options): boolean;

/**
 * Where the WebAssembly module comes from: by default `unboil_bg.wasm` fetched from next to
 * the package's JS; otherwise a URL to fetch, a `Response`, the bytes or a compiled module.
 */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module; call it once and await it before cleaning pages (calls after
 * the first return the same load). In Node it does nothing.
 */
export function init(source?: InitInput | Promise<InitInput>): Promise<void>;
export default init;
