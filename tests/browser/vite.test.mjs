// Bundler smoke test: a tiny app built with Vite 7, without configuration, imports the package
// installed from its `npm pack` tarball and cleans a page in Chromium, directly and through
// `unboil/worker` (Vite bundles its worker), with the same result as Node. The dev server
// needs one option, `optimizeDeps.exclude: ['unboil']`: its pre-bundling moves the package's JS
// to node_modules/.vite/deps/, where the URLs of the .wasm and the worker, relative to the JS,
// find nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { cleanArticle } from '../../js/node.js';
import { installPackage, root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';

const sample = join(root, 'samples/harbor-ferries.html');
const url = 'https://example.com/story';
const scratch = mkdtempSync(join(tmpdir(), 'unboil-vite-'));
/** @type {string} */
let app;

before(async () => {
  ({ app } = installPackage(scratch));
  mkdirSync(join(app, 'public'));
  copyFileSync(sample, join(app, 'public/page.html'));
  writeFileSync(join(app, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><script type="module" src="/main.js"></script>');
  writeFileSync(join(app, 'main.js'), `import init, { cleanArticle } from 'unboil';
import { cleanArticle as cleanInWorker } from 'unboil/worker';
await init();
const page = new Uint8Array(await (await fetch('/page.html')).arrayBuffer());
window.workerArticle = await cleanInWorker(page, { url: ${JSON.stringify(url)} });
window.article = cleanArticle(page, { url: ${JSON.stringify(url)} });`);
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: 'dist' } });
});

after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Opens the app at `origin` in Chromium; resolves to its two articles, direct and from the worker,
 * after checking that the page raised no error.
 * @param {string} origin
 */
async function articlesAt(origin) {
  const browser = await launch();
  try {
    /** @type {string[]} */
    const errors = [];
    browser.page.on('pageerror', (e) => errors.push(e.message));
    await browser.page.goto(origin);
    const article = await (await browser.page.waitForFunction(() => /** @type {Window & { article?: object }} */ (window).article)).jsonValue();
    const workerArticle = await browser.page.evaluate(() => /** @type {Window & { workerArticle?: object }} */ (window).workerArticle);
    assert.deepEqual(errors, []);
    return { article, workerArticle };
  } finally {
    await browser.close();
  }
}

test('a Vite 7 build of an app that imports unboil and unboil/worker runs in Chromium', async () => {
  const server = await serve(join(app, 'dist'));
  try {
    const { article, workerArticle } = await articlesAt(`${server.origin}/`);
    assert.deepEqual(article, cleanArticle(readFileSync(sample), { url }));
    assert.deepEqual(workerArticle, article);
  } finally {
    await server.close();
  }
});

test("the app runs on Vite's dev server with unboil left out of its pre-bundling", async () => {
  const server = await createServer({ root: app, configFile: false, logLevel: 'error', optimizeDeps: { exclude: ['unboil'] },
    server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  try {
    const { article, workerArticle } = await articlesAt(/** @type {string} */ (server.resolvedUrls?.local[0]));
    assert.deepEqual(article, cleanArticle(readFileSync(sample), { url }));
    assert.deepEqual(workerArticle, article);
  } finally {
    await server.close();
  }
});
