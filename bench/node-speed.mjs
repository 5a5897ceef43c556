#!/usr/bin/env node
// Speed of the npm package against Readability.js 0.6.0 on jsdom 29 and on linkedom, on the
// same pages in the same run: our fixture pages and the sample, plus the shared corpora
// (../shared/corpus or $UNBOIL_SHARED/corpus) when present. Every engine gets the same decoded
// string and the page's URL; parsing is part of the time. unboil runs twice: with every format
// (HTML, text, Markdown) and with what Readability returns (HTML and text). Prints pages/s,
// ms/page, MB/s and the ratios. `--limit N` uses the first N pages only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { cleanArticle } from '../js/node.js';
import { modernDevPages, option, readabilityPages, root } from './corpus.mjs';

const limit = Number(option('limit', Infinity));

/** @typedef {{ html: string, url: string }} Page */

/** Every page as { html, url }: fixtures, the sample, then the shared corpora. @returns {Page[]} */
function pages() {
  const list = [{ html: readFileSync(join(root, 'samples/harbor-ferries.html'), 'utf8'), url: 'https://www.baysidecourier.example/' }];
  const fixtures = join(root, 'tests/fixtures');
  for (const f of readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort()) {
    const expected = join(fixtures, f.replace(/\.html$/, '.expected.json'));
    const url = existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')).url : 'https://example.com/';
    list.push({ html: readFileSync(join(fixtures, f), 'utf8'), url });
  }
  list.push(...readabilityPages(), ...modernDevPages());
  return list.slice(0, limit);
}

const quiet = new VirtualConsole();
/** @type {Record<string, (page: Page) => unknown>} */
const engines = {
  unboil: ({ html, url }) => cleanArticle(html, { url }),
  // What Readability returns (article HTML and its text), without the Markdown.
  'unboil (html + text)': ({ html, url }) => cleanArticle(html, { url, formats: ['html', 'text'] }),
  'Readability + jsdom 29': ({ html, url }) => {
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    try {
      return new Readability(dom.window.document).parse();
    } finally {
      dom.window.close();
    }
  },
  'Readability + linkedom': ({ html }) => new Readability(/** @type {Document} */ (/** @type {unknown} */ (parseHTML(html).document))).parse(),
};

/**
 * Runs one engine over every page (after a warm-up on a few) and returns its figures.
 * @param {(page: Page) => unknown} run
 * @param {Page[]} list
 */
function measure(run, list) {
  for (const page of list.slice(0, 5)) try { run(page); } catch {}
  let errors = 0;
  const start = process.hrtime.bigint();
  for (const page of list) {
    try {
      run(page);
    } catch {
      errors++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const megabytes = list.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6;
  return { pagesPerSecond: list.length / seconds, msPerPage: (seconds * 1000) / list.length, mbPerSecond: megabytes / seconds, errors };
}

const list = pages();
const megabytes = list.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6;
console.log(`${list.length} pages, ${megabytes.toFixed(1)} MB, node ${process.version}`);
console.log(`${'engine'.padEnd(26)}${'pages/s'.padStart(10)}${'ms/page'.padStart(10)}${'MB/s'.padStart(9)}${'errors'.padStart(8)}`);
/** @type {Record<string, ReturnType<typeof measure>>} */
const results = {};
for (const [name, run] of Object.entries(engines)) {
  const r = (results[name] = measure(run, list));
  console.log(`${name.padEnd(26)}${r.pagesPerSecond.toFixed(1).padStart(10)}${r.msPerPage.toFixed(2).padStart(10)}${r.mbPerSecond.toFixed(2).padStart(9)}${String(r.errors).padStart(8)}`);
}
const ours = Object.keys(engines).filter((name) => name.startsWith('unboil'));
for (const mine of ours) {
  for (const name of Object.keys(engines).filter((n) => !ours.includes(n))) {
    console.log(`${mine} vs ${name}: ${(results[mine].pagesPerSecond / results[name].pagesPerSecond).toFixed(1)}x pages/s`);
  }
}
