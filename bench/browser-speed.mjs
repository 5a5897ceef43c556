#!/usr/bin/env node
// First, click to overlay (bench/click-speed.mjs): the extension's toolbar button clicked cold
// and warm on a typical article and on a 1 MB page, `--click-rounds N` times each (default 5;
// 0 skips it). Then the browser side by side: in headless Chromium (tests/browser/harness.mjs), each corpus
// page is loaded as a real document from 127.0.0.1, then timed inside the page:
//   (a) unboil as the extension uses it: documentElement.outerHTML, then the web build's
//       cleanArticle(html, { url, formats: ['html'] });
//   (b) Readability.js 0.6.0 as Readability-based extensions use it:
//       new Readability(document.cloneNode(true)).parse();
//   (c) Readability on new DOMParser().parseFromString(html, 'text/html') of the same outerHTML
//       string (the string is taken outside the timing).
// Page scripts never run: script execution is disabled (CDP Emulation.setScriptExecutionDisabled)
// while the page loads, so the document is the served page as parsed with scripting off (its
// <noscript> content is parsed as elements); every request not to 127.0.0.1 is aborted, and
// the pages' own Content-Security-Policy is bypassed (CDP Page.setBypassCSP) so it cannot block
// the benchmark's scripts or WebAssembly. A page that fails to load is listed as skipped.
// Scripts are switched on only to load unboil (init() once per page) and Readability, then off
// again for the timing. Each method runs once as a warm-up and then `--repeat` times per page,
// interleaved in rounds with a forced GC before each round; a page's figure is its median. Prints per
// method the median and p95 ms/page over all pages and over the 10 largest, the warm-up (first,
// cold) run's median, the part of (a) spent in outerHTML, and the ratios a/b and a/c.
// Options: --corpus readability|modern-dev|all (default all), --limit N (0 skips the side by
// side), --repeat N (default 3).
import { clickTimes } from './click-speed.mjs';
import { corpusPages, option, root } from './corpus.mjs';
import { launch, serve } from '../tests/browser/harness.mjs';

const clickRounds = Number(option('click-rounds', 5));
if (clickRounds > 0) {
  for (const line of await clickTimes(clickRounds)) console.log(line);
}
const corpus = option('corpus', 'all');
const limit = Number(option('limit', Infinity));
const repeat = Number(option('repeat', 3));
if (limit === 0) process.exit(0);
const pages = corpusPages(corpus).slice(0, limit);
if (pages.length === 0) throw new Error(`no pages: is the shared corpus at $UNBOIL_SHARED or ../shared?`);

/** @typedef {'a' | 'b' | 'c'} Method */
/**
 * What the page gives the benchmark: unboil's web build and Readability.js.
 * @typedef {{
 *   cleanArticle: typeof import('../js/web.js').cleanArticle,
 *   Readability: typeof import('@mozilla/readability').Readability,
 * }} Bench
 */
/** @typedef {typeof globalThis & { __bench: Bench, Readability: Bench['Readability'], gc: () => void }} PageGlobal */

/** @type {Method[]} */
const METHODS = ['a', 'b', 'c'];
const NAMES = {
  a: '(a) unboil: outerHTML + cleanArticle',
  b: '(b) Readability: cloneNode + parse',
  c: '(c) Readability: DOMParser + parse',
};

// Pages are served cross-origin isolated, so performance.now() is precise to a few µs (not 100 µs).
const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
/** @type {Record<string, import('../tests/browser/harness.mjs').Route>} */
const routes = Object.fromEntries(pages.map((p, i) => [`/page/${i}/`, () => ['text/html; charset=utf-8', p.html, isolated]]));
const server = await serve(root, routes);
const browser = await launch(['--js-flags=--expose-gc']);
const { page } = browser;
const cdp = await browser.context.newCDPSession(page);
await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
await cdp.send('Page.setBypassCSP', { enabled: true }); // a page's own CSP must not block unboil or Readability
const scripts = (/** @type {boolean} */ on) => cdp.send('Emulation.setScriptExecutionDisabled', { value: !on });

/** Loads page `i` with scripts off and readies unboil and Readability in it. @param {number} i */
async function open(i) {
  await scripts(false);
  await page.goto(`${server.origin}/page/${i}/`, { waitUntil: 'load' });
  await scripts(true);
  await page.evaluate(async (origin) => {
    /** @type {typeof import('../js/web.js')} */
    const unboil = await import(`${origin}/js/web.js`);
    await unboil.init();
    const tag = document.createElement('script');
    tag.src = `${origin}/node_modules/@mozilla/readability/Readability.js`;
    await new Promise((loaded, failed) => {
      tag.onload = loaded;
      tag.onerror = failed;
      document.head.append(tag);
    });
    const global = /** @type {PageGlobal} */ (globalThis);
    global.__bench = { cleanArticle: unboil.cleanArticle, Readability: global.Readability };
    tag.remove();
  }, server.origin); // absolute: a page's <base href> must not move them
  await scripts(false);
}

/**
 * Runs the three methods in the page; resolves to { first: {a,b,c} (the cold runs), runs: {a:[],b:[],c:[]},
 * serialize: (a)'s outerHTML ms per run, bytes (of outerHTML), errors: {a,b,c} }.
 * @param {number} repeats
 */
function time(repeats) {
  return page.evaluate((repeats) => {
    const global = /** @type {PageGlobal} */ (globalThis);
    const { cleanArticle, Readability } = global.__bench;
    const html = document.documentElement.outerHTML;
    const errors = { a: 0, b: 0, c: 0 };
    /** @type {number[]} */
    const serialize = []; // (a)'s outerHTML share of each run
    /** @type {Record<Method, () => unknown>} */
    const methods = {
      a: () => {
        const start = performance.now();
        const outer = document.documentElement.outerHTML;
        serialize.push(performance.now() - start);
        return cleanArticle(outer, { url: document.URL, formats: ['html'] });
      },
      b: () => new Readability(/** @type {Document} */ (document.cloneNode(true))).parse(),
      c: () => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse(),
    };
    const once = (/** @type {Method} */ m) => {
      const start = performance.now();
      try {
        methods[m]();
      } catch {
        errors[m]++;
      }
      return performance.now() - start;
    };
    // A round runs each method once after a forced GC, in an order that rotates by round, so
    // one method's garbage is not always collected during the same other method's run.
    /** @type {Method[][]} */
    const orders = [['a', 'b', 'c'], ['b', 'c', 'a'], ['c', 'a', 'b']];
    const first = { a: 0, b: 0, c: 0 };
    global.gc();
    for (const m of orders[0]) first[m] = once(m);
    /** @type {Record<Method, number[]>} */
    const runs = { a: [], b: [], c: [] };
    for (let r = 0; r < repeats; r++) {
      global.gc();
      for (const m of orders[(r + 1) % 3]) runs[m].push(once(m));
    }
    return { first, runs, serialize: serialize.slice(1), bytes: new TextEncoder().encode(html).length, errors };
  }, repeats);
}

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const started = Date.now();
/** @type {{ name: string, bytes: number, first: Record<Method, number>, errors: Record<Method, number>, serialize: number, ms: Record<Method, number> }[]} */
const results = [];
/** @type {string[]} */
const skipped = [];
for (let i = 0; i < pages.length; i++) {
  let timed;
  try {
    await open(i);
    timed = await time(repeat);
  } catch (error) {
    skipped.push(`${pages[i].name}: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    continue;
  }
  const { first, runs, serialize, bytes, errors } = timed;
  const ms = { a: median(runs.a), b: median(runs.b), c: median(runs.c) };
  results.push({ name: pages[i].name, bytes, first, errors, serialize: median(serialize), ms });
  if ((i + 1) % 50 === 0) process.stderr.write(`${i + 1}/${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
const version = browser.context.browser()?.version() ?? '';
await browser.close();
await server.close();

for (const line of skipped) console.log(`skipped ${line}`);
const largest = [...results].sort((x, y) => y.bytes - x.bytes).slice(0, 10);
const megabytes = results.reduce((n, r) => n + r.bytes, 0) / 1e6;
console.log(`${results.length} pages (${corpus}), ${megabytes.toFixed(1)} MB of outerHTML, 10 largest ${(largest[largest.length - 1].bytes / 1e6).toFixed(2)}–${(largest[0].bytes / 1e6).toFixed(2)} MB, Chromium ${version}, ${repeat} runs per page after a warm-up, ${((Date.now() - started) / 1000).toFixed(0)} s`);
const cols = ['median', 'p95', 'top10 median', 'top10 p95', 'cold median', 'errors'];
console.log(`${'ms/page'.padEnd(40)}${cols.map((c) => c.padStart(13)).join('')}`);
/** One method's median and p95 ms/page over all pages and over the 10 largest. @param {Method} m */
const statsOf = (m) => {
  const all = results.map((r) => r.ms[m]);
  const top = largest.map((r) => r.ms[m]);
  return { median: median(all), p95: quantile(all, 0.95), topMedian: median(top), topP95: quantile(top, 0.95) };
};
const stats = { a: statsOf('a'), b: statsOf('b'), c: statsOf('c') };
for (const m of METHODS) {
  const row = [stats[m].median, stats[m].p95, stats[m].topMedian, stats[m].topP95, median(results.map((r) => r.first[m]))].map((v) => v.toFixed(2));
  row.push(String(results.reduce((n, r) => n + r.errors[m], 0)));
  console.log(`${NAMES[m].padEnd(40)}${row.map((c) => c.padStart(13)).join('')}`);
}
const serializing = [median(results.map((r) => r.serialize)), quantile(results.map((r) => r.serialize), 0.95), median(largest.map((r) => r.serialize)), quantile(largest.map((r) => r.serialize), 0.95)];
console.log(`${'    of which outerHTML'.padEnd(40)}${serializing.map((v) => v.toFixed(2).padStart(13)).join('')}`);
for (const other of /** @type {const} */ (['b', 'c'])) {
  const ratio = (/** @type {keyof typeof stats.a} */ k) => (stats.a[k] / stats[other][k]).toFixed(2);
  console.log(`${`a/${other}`.padEnd(40)}${/** @type {const} */ (['median', 'p95', 'topMedian', 'topP95']).map((k) => ratio(k).padStart(13)).join('')}`);
}
const perPageRatio = median(results.map((r) => r.ms.a / r.ms.b));
console.log(`median over pages of a/b per page: ${perPageRatio.toFixed(2)}; target: a/b ≤ 0.5 on the median page and on the 10 largest`);
