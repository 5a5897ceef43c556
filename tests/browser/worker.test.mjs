// `unboil/worker` (js/worker.js) in Chromium: its promises give the direct call's results, one
// worker loads the module once for every call, errors reject, and the page stays responsive: a
// requestAnimationFrame loop keeps ticking while the worker cleans a 1 MB page, where the
// direct call on the main thread stops it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../js/node.js';
import { root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';
import { routes as readerRoutes } from './reader-pages.mjs';

const fixtures = join(root, 'tests/fixtures/pages');
const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort()
  .map((f) => ({ path: `/tests/fixtures/pages/${f}`, url: JSON.parse(readFileSync(join(fixtures, f.replace(/\.html$/, '.expected.json')), 'utf8')).url }));

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;
/** @type {string[]} the URLs the page and its worker asked for */
const requests = [];

before(async () => {
  server = await serve(root, {
    '/': () => ['text/html; charset=utf-8', '<!doctype html><link rel="icon" href="data:,"><title>unboil/worker</title>'],
    '/big.html': readerRoutes['/big.html'],
  });
  browser = await launch();
  browser.context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Counts the workers the page starts.
  await browser.context.addInitScript(() => {
    const counted = /** @type {Window & { workers?: number }} */ (window);
    counted.workers = 0;
    window.Worker = class extends Worker {
      /** @param {string | URL} url @param {WorkerOptions} [options] */
      constructor(url, options) {
        super(url, options);
        counted.workers = (counted.workers ?? 0) + 1;
      }
    };
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the worker gives the direct call\'s articles, from one worker that loads the module once', async () => {
  await browser.page.goto(`${server.origin}/`);
  requests.length = 0;
  const { articles, readerable, workers } = await browser.page.evaluate(async (list) => {
    const entry = '/js/worker.js'; // the test server's path
    /** @type {typeof import('../../js/worker.js')} */
    const unboil = await import(entry);
    const bytes = await Promise.all(list.map(async ({ path }) => new Uint8Array(await (await fetch(path)).arrayBuffer())));
    const articles = await Promise.all(list.map(({ url }, i) => unboil.cleanArticle(bytes[i], { url })));
    const readerable = await unboil.isProbablyReaderable(bytes[0]);
    return { articles, readerable, workers: /** @type {Window & { workers?: number }} */ (window).workers };
  }, pages);
  assert.deepEqual(articles, pages.map(({ path, url }) => cleanArticle(readFileSync(join(root, path)), { url })));
  assert.equal(readerable, true);
  assert.equal(workers, 1);
  assert.deepEqual(requests.filter((path) => /worker-thread\.js|unboil_bg\.wasm/.test(path)), ['/js/worker-thread.js', '/pkg/unboil_bg.wasm']);
});

test('errors reject with the direct call\'s message, and the worker goes on', async () => {
  await browser.page.goto(`${server.origin}/`);
  const outcome = await browser.page.evaluate(async () => {
    const entry = '/js/worker.js';
    /** @type {typeof import('../../js/worker.js')} */
    const unboil = await import(entry);
    const message = (/** @type {Promise<unknown>} */ promise) => promise.then(() => 'resolved', (e) => `${e instanceof Error}: ${e.message}`);
    return {
      empty: await message(unboil.cleanArticle('  ')),
      option: await message(unboil.cleanArticle('<p>x</p>', /** @type {any} */ ({ keepImage: true }))),
      after: (await unboil.cleanArticle('<title>T</title><article><p>Still serving after errors.</p></article>')).text,
      terminated: await (async () => {
        const waiting = message(unboil.cleanArticle('<p>x</p>'));
        unboil.terminate();
        return waiting;
      })(),
      restarted: (await unboil.cleanArticle('<article><p>A new worker.</p></article>')).text,
    };
  });
  const direct = (/** @type {() => unknown} */ call) => {
    try {
      call();
      return 'resolved';
    } catch (e) {
      return `true: ${/** @type {Error} */ (e).message}`;
    }
  };
  assert.equal(outcome.empty, direct(() => cleanArticle('  ')));
  assert.equal(outcome.option, direct(() => cleanArticle('<p>x</p>', /** @type {any} */ ({ keepImage: true }))));
  assert.match(outcome.after, /Still serving after errors/);
  assert.equal(outcome.terminated, 'true: unboil: the worker was terminated');
  assert.match(outcome.restarted, /A new worker/);
});

test('a requestAnimationFrame loop keeps ticking while the worker cleans a 1 MB page', async (t) => {
  await browser.page.goto(`${server.origin}/`);
  const runs = await browser.page.evaluate(async () => {
    const web = '/js/web.js';
    const worker = '/js/worker.js';
    /** @type {typeof import('../../js/web.js')} */
    const direct = await import(web);
    /** @type {typeof import('../../js/worker.js')} */
    const inWorker = await import(worker);
    const page = new Uint8Array(await (await fetch('/big.html')).arrayBuffer());
    await direct.init();
    await inWorker.cleanArticle('<p>warm-up</p>'); // starts the worker and loads its module
    /**
     * Runs `clean` while a requestAnimationFrame loop counts frames; gives the time, the
     * frames and the longest gap between two frames (ms), and the article's text.
     * @param {() => Promise<import('../../js/unboil.js').Article> | import('../../js/unboil.js').Article} clean
     */
    const measure = async (clean) => {
      await new Promise((frame) => requestAnimationFrame(frame));
      let frames = 0;
      let last = performance.now();
      let longest = 0;
      let running = true;
      const tick = (/** @type {number} */ now) => {
        frames++;
        longest = Math.max(longest, now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      const article = await clean();
      const ms = performance.now() - start;
      running = false;
      longest = Math.max(longest, performance.now() - last);
      return { ms, frames, longest, text: article.text };
    };
    return {
      size: page.length,
      direct: await measure(() => direct.cleanArticle(page)),
      worker: await measure(() => inWorker.cleanArticle(page)),
    };
  });
  t.diagnostic(`${runs.size} bytes; direct: ${runs.direct.ms.toFixed(0)} ms, ${runs.direct.frames} frames, longest gap ${runs.direct.longest.toFixed(0)} ms; ` +
    `worker: ${runs.worker.ms.toFixed(0)} ms, ${runs.worker.frames} frames, longest gap ${runs.worker.longest.toFixed(0)} ms`);
  assert.ok(runs.size > 1_000_000, `the page has ${runs.size} bytes`);
  assert.equal(runs.worker.text, runs.direct.text);
  // The direct call holds the main thread for the whole clean: no frame runs in it.
  assert.ok(runs.direct.longest >= 0.9 * runs.direct.ms, 'the direct call blocks the frames');
  assert.ok(runs.direct.ms > 100, `a 1 MB clean takes ${runs.direct.ms} ms on the main thread`);
  // In the worker, frames go on at about the display's rate (60 Hz: 16.7 ms).
  assert.ok(runs.worker.frames >= runs.worker.ms / 50, `${runs.worker.frames} frames in ${runs.worker.ms} ms`);
  assert.ok(runs.worker.longest < 100, `longest gap between frames ${runs.worker.longest} ms`);
});
