// Bundler smoke test: a tiny app built with Vite 7 imports the package installed from its
// `npm pack` tarball and cleans a page in Chromium, with the same result as Node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
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
await init();
const page = new Uint8Array(await (await fetch('/page.html')).arrayBuffer());
window.article = cleanArticle(page, { url: ${JSON.stringify(url)} });`);
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: 'dist' } });
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('a Vite 7 build of an app that imports unboil runs in Chromium', async () => {
  const server = await serve(join(app, 'dist'));
  const browser = await launch();
  try {
    /** @type {string[]} */
    const errors = [];
    browser.page.on('pageerror', (e) => errors.push(e.message));
    await browser.page.goto(`${server.origin}/`);
    const article = await (await browser.page.waitForFunction(() => /** @type {Window & { article?: object }} */ (window).article)).jsonValue();
    assert.deepEqual(errors, []);
    assert.deepEqual(article, cleanArticle(readFileSync(sample), { url }));
  } finally {
    await browser.close();
    await server.close();
  }
});
