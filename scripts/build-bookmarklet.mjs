#!/usr/bin/env node
// Builds the two bookmarklets and their install page into dist/bookmarklet/ (git-ignored):
//   run.js, unboil_bg.wasm  the hosted module the loader bookmarklet imports, and its WebAssembly
//   hosted.txt              the hosted loader, a `javascript:` URL importing BASE/bookmarklet/run.js
//   self-contained.txt      the self-contained bookmarklet (the WebAssembly gzipped and inlined)
//   index.html, install.css the install page (www/bookmarklet/index.html) with both embedded
// BASE, where dist/bookmarklet/ is served from /bookmarklet/, is `--base URL`, else
// $UNBOIL_BOOKMARKLET_BASE, else http://127.0.0.1:$PORT (default 8080, as `npm run demo` serves it).
// Needs pkg/ (npm run build).
// Bundling and minifying is esbuild's.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const source = join(root, 'www/bookmarklet');
const wasmPath = join(root, 'pkg/unboil_bg.wasm');

/** Where `npm run demo` serves dist/bookmarklet/ from: scripts/serve.mjs on $PORT, default 8080. */
export const DEFAULT_BASE = `http://127.0.0.1:${process.env.PORT ?? 8080}`;

/**
 * Builds everything into `outDir` for the base URL `base` (no trailing slash); resolves to
 * { hosted, inline } (the two `javascript:` URLs) and `sizes` (bytes of the hosted URL, of
 * the self-contained URL, and of the latter with the WebAssembly inlined without gzip).
 */
export async function buildBookmarklets({ base = DEFAULT_BASE, outDir = join(root, 'dist/bookmarklet') } = {}) {
  if (!existsSync(wasmPath)) throw new Error(`${wasmPath} is missing: run npm run build first`);
  base = base.replace(/\/+$/, '');
  mkdirSync(outDir, { recursive: true });
  const wasm = readFileSync(wasmPath);
  const gzipped = gzipSync(wasm, { level: 9 }).toString('base64');
  const define = { __UNBOIL_BASE__: JSON.stringify(base), __UNBOIL_WASM_GZIP_BASE64__: '"__WASM__"' };

  writeFileSync(join(outDir, 'run.js'), await bundle('hosted.js', 'esm', define));
  copyFileSync(wasmPath, join(outDir, 'unboil_bg.wasm'));
  const hosted = bookmarkletUrl(await bundle('loader.js', 'iife', define));
  const inlineCode = await bundle('inline.js', 'iife', define);
  const inline = bookmarkletUrl(inlineCode.replace('"__WASM__"', JSON.stringify(gzipped)));
  const sizes = {
    hosted: hosted.length,
    inline: inline.length,
    inlineWithoutGzip: bookmarkletUrl(inlineCode.replace('"__WASM__"', JSON.stringify(wasm.toString('base64')))).length,
  };
  writeFileSync(join(outDir, 'hosted.txt'), `${hosted}\n`);
  writeFileSync(join(outDir, 'self-contained.txt'), `${inline}\n`);

  /** @type {Record<string, string>} */
  const fields = {
    BASE: base,
    HOSTED_URL: hosted,
    INLINE_URL: inline,
    HOSTED_SIZE: kilobytes(sizes.hosted),
    INLINE_SIZE: kilobytes(sizes.inline),
  };
  const page = readFileSync(join(source, 'index.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in fields)) throw new Error(`www/bookmarklet/index.html: unknown field {{${key}}}`);
    return attr(fields[key]);
  });
  writeFileSync(join(outDir, 'index.html'), page);
  copyFileSync(join(source, 'install.css'), join(outDir, 'install.css'));
  return { hosted, inline, sizes };
}

/**
 * Bundles and minifies one entry of www/bookmarklet/ into a single script ('esm' or 'iife').
 * A classic script has no import.meta: there its URL is undefined (only the glue's default
 * module location reads it, and the self-contained bookmarklet never uses that default).
 * @param {string} entry
 * @param {'esm' | 'iife'} format
 * @param {Record<string, string>} define
 */
async function bundle(entry, format, define) {
  /** @type {Record<string, string>} */
  const iife = format === 'iife' ? { 'import.meta.url': 'undefined' } : {};
  const result = await esbuild.build({
    entryPoints: [join(source, entry)],
    bundle: true,
    format,
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'error',
    define: { ...define, ...iife },
  });
  return /** @type {import('esbuild').OutputFile[]} */ (result.outputFiles)[0].text; // write: false gives outputFiles
}

/**
 * The code as a `javascript:` URL: percent-encodes what a URL or an href would change or cut
 * (%, #, whitespace, quotes and apostrophes, non-ASCII …) and leaves base64 and most punctuation alone. The
 * code ends in `void 0` so that the URL's value is undefined and the page stays.
 * @param {string} code
 */
export function bookmarkletUrl(code) {
  const safe = /[A-Za-z0-9\-_.!~*();/?:@&=+$,[\]]/;
  /** @param {string} c */
  const escape = (c) => [...Buffer.from(c)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return `javascript:${[...`${code.trim().replace(/;$/, '')};void 0`].map((c) => (safe.test(c) ? c : escape(c))).join('')}`;
}

/** @param {string} text */
const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** @param {number} bytes */
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--base');
  const base = at > 0 ? process.argv[at + 1] : process.env.UNBOIL_BOOKMARKLET_BASE ?? DEFAULT_BASE;
  const { sizes } = await buildBookmarklets({ base });
  console.log(`build-bookmarklet: dist/bookmarklet/ for ${base}`);
  console.log(`  hosted loader:   ${sizes.hosted} bytes`);
  console.log(`  self-contained:  ${sizes.inline} bytes (gzip + base64; ${sizes.inlineWithoutGzip} bytes with plain base64)`);
}
