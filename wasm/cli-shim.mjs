#!/usr/bin/env node
// The `unboil` command-line contract (cli/src/args.rs, cli/src/main.rs) over the npm package,
// for the parity test: same arguments, same output bytes and exit codes as the native CLI.
import { readFileSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { cleanArticle } from '../js/node.js';

/** @typedef {import('../js/unboil.js').Article} Article */
/** @typedef {import('../js/unboil.js').Options} Options */
/** @typedef {'json' | 'html' | 'text' | 'markdown'} Format */
/** @typedef {{ files: string[], format: Format, options: Options & { removeSelectors: string[], keepSelectors: string[] } }} Run */

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** @type {Record<string, Format>} */
const FORMATS = { json: 'json', html: 'html', text: 'text', markdown: 'markdown', md: 'markdown' };

/** The native CLI's help (cli/src/args.rs), word for word: the parity test holds them equal. */
const HELP = `unboil: turn web pages into clean reader-mode articles.

Usage: unboil [OPTIONS] FILE... [OPTIONS]

FILE is an HTML file (.gz ones are unpacked), - for standard input, a directory (its
*.html, *.htm and *.gz files, recursively) or a WARC file (.warc, .warc.gz). One HTML FILE
prints one article; anything more prints JSON Lines, one object per page in input order with
a "file" key (WARC pages add "url" and "warc_record_id"); a failed file gives
{"file": ..., "error": ...} and the exit code is 1 at the end.

Options:
  --url URL             the page's URL, base of relative links
  --format FORMAT       json (default), html, text or markdown
  --charset LABEL       charset to assume when the page declares none
  --no-images           drop images, pictures and figures' media
  --remove SELECTOR     drop elements matching SELECTOR (repeatable)
  --keep SELECTOR       keep elements matching SELECTOR (repeatable)
  --max-bytes N         refuse inputs larger than N bytes (default 67108864)
  --max-elements N      read at most N elements (default 4000000)
  --no-markdown         leave the markdown field null (faster)

Batches:
  --files-from FILE     also clean the inputs listed in FILE, one per line (- for stdin)
  -j, --jobs N          worker threads (default: every core); output stays in input order
  --output DIR          write one file per page into DIR, in --format, instead of stdout
  --errors              also write a {"file", "error"} line for each skipped WARC record
  -h, --help            print this help
  -V, --version         print the version

Selectors: tag names and *, .class, #id, [attr], [attr=v], [attr~=v], [attr^=v],
[attr$=v], [attr*=v], [attr|=v] (values quoted or not), compounds of these
(div.note[data-x]), the descendant (space) and child (>) combinators, and comma-separated
lists. Tag names match in any case; classes, ids and values as written. Pseudo-classes and
the + and ~ combinators are rejected with an error.
`;

/**
 * Parses the arguments like the native CLI: options before or after the files. Throws the
 * error message (a string) for bad arguments.
 * @param {string[]} args
 * @returns {Run | 'help' | 'version'}
 */
function parse(args) {
  /** @type {string[]} */
  const files = [];
  /** @type {Run['options']} */
  const options = { removeSelectors: [], keepSelectors: [] };
  /** @type {Format} */
  let format = 'json';
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const inline = eq >= 0 && arg.slice(0, eq).startsWith('--');
    const name = inline ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = inline ? arg.slice(eq + 1) : args[++i];
      if (v === undefined) throw `${name} needs a value`;
      return v;
    };
    const number = () => {
      const v = value();
      if (!/^\+?[0-9]+$/.test(v) || BigInt(v) >= 2n ** 64n) throw `${name} needs a whole number, not '${v}'`;
      return Math.min(Number(v), Number.MAX_SAFE_INTEGER);
    };
    switch (name) {
      case '--': onlyFiles = true; break;
      case '-h': case '--help': return 'help';
      case '-V': case '--version': return 'version';
      case '--url': options.url = value(); break;
      case '--charset': options.charset = value(); break;
      case '--format': {
        const v = value();
        if (!Object.hasOwn(FORMATS, v)) throw `unknown format '${v}' (json, html, text or markdown)`;
        format = FORMATS[v];
        break;
      }
      case '--no-images': options.keepImages = false; break;
      case '--no-markdown': options.formats = { markdown: false }; break;
      case '--remove': options.removeSelectors.push(value()); break;
      case '--keep': options.keepSelectors.push(value()); break;
      case '--max-bytes': options.maxBytes = number(); break;
      case '--max-elements': options.maxElements = number(); break;
      case '--files-from': case '-j': case '--jobs': case '--output': case '--errors':
        throw `${name}: batches are the native command's (cargo build --release)`;
      default: throw `unknown option '${arg}'`;
    }
  }
  if (files.length === 0) throw 'no FILE given';
  return { files, format, options };
}

/**
 * Reads a file (or standard input) with the native CLI's error wording; gzipped bytes are
 * unpacked.
 * @param {string} file
 */
function read(file) {
  let bytes;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException & { errno: number }} */ (error);
    const what = file === '-' ? 'standard input' : file;
    const text = getSystemErrorMap().get(e.errno)?.[1] ?? e.message;
    throw `cannot read ${what}: ${text[0].toUpperCase()}${text.slice(1)} (os error ${-e.errno})`;
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw `cannot unpack ${file}: ${/** @type {Error} */ (error).message}`;
  }
}

/**
 * Cleans one file; throws the error message (a string).
 * @param {string} file
 * @param {Options} options
 */
function clean(file, options) {
  try {
    return cleanArticle(read(file), options);
  } catch (e) {
    throw typeof e === 'string' ? e : /** @type {Error} */ (e).message;
  }
}

/** The article with the CLI's snake_case keys, in the same order. @param {Article} article */
const snake = (article) =>
  Object.fromEntries(Object.entries(article).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/** @param {Article} article @param {Format} format */
function render(article, format) {
  if (format === 'json') return JSON.stringify(snake(article));
  return article[format] ?? '';
}

/** Runs the command; returns its exit code. @param {string[]} args */
function main(args) {
  let run;
  try {
    run = parse(args);
  } catch (e) {
    process.stderr.write(`unboil: ${e}\nTry 'unboil --help'.\n`);
    return 2;
  }
  if (run === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (run === 'version') {
    process.stdout.write(`unboil ${version}\n`);
    return 0;
  }
  if (run.files.length === 1) {
    const [file] = run.files;
    try {
      process.stdout.write(`${render(clean(file, run.options), run.format)}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`unboil: ${file}: ${e}\n`);
      return 1;
    }
  }
  let code = 0;
  const lines = run.files.map((file) => {
    try {
      return JSON.stringify({ file, ...snake(clean(file, run.options)) });
    } catch (error) {
      process.stderr.write(`unboil: ${file}: ${error}\n`);
      code = 1;
      return JSON.stringify({ file, error });
    }
  });
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  return code;
}

process.exitCode = main(process.argv.slice(2));
