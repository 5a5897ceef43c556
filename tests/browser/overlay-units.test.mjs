// The overlay's pure helpers, imported as modules into a page of Chromium: the voice chosen for
// an article's language (read-aloud.js).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;

before(async () => {
  server = await serve(root);
  browser = await launch();
  await browser.page.goto(`${server.origin}/tests/browser/pages/article.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('chooseVoice takes a voice of the exact language, else of its primary language, the default and local voices first, else none', async () => {
  const chosen = await browser.page.evaluate(async (path) => {
    const { chooseVoice } = /** @type {typeof import('../../www/overlay/read-aloud.js')} */ (await import(path));
    const voices = [
      { name: 'en-GB remote', lang: 'en-GB', default: false, localService: false },
      { name: 'en-US local', lang: 'en-US', default: false, localService: true },
      { name: 'en-US default', lang: 'en-US', default: true, localService: true },
      { name: 'pt-PT', lang: 'pt-PT', default: false, localService: true },
      { name: 'ja underscore', lang: 'ja_JP', default: false, localService: false },
    ];
    const name = (/** @type {string} */ lang) => /** @type {{ name?: string } | null} */ (chooseVoice(voices, lang))?.name ?? null;
    return ['en-US', 'en-us', 'en-GB', 'en', 'en-AU', 'pt-BR', 'ja', 'ja-JP', 'fr', ''].map((lang) => [lang, name(lang)]);
  }, '/www/overlay/read-aloud.js');
  assert.deepEqual(Object.fromEntries(chosen), {
    'en-US': 'en-US default', 'en-us': 'en-US default', 'en-GB': 'en-GB remote', en: 'en-US default', 'en-AU': 'en-US default',
    'pt-BR': 'pt-PT', ja: 'ja underscore', 'ja-JP': 'ja underscore', fr: null, '': null,
  });
});
