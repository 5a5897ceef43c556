// Rendered hints: markHidden (www/overlay/hidden.js) marks what Chromium does not show and what
// covers the page, cleanArticle({ renderedHints: true }) drops it, and the page is left exactly
// as it was. The served page hides a menu, a skip-link box off screen and a loading note, and
// covers the article with a sign-up pop-up and a sticky paywall bar, all inside the article's
// own container with class names that say nothing: only the browser can tell.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';
import { HIDDEN, SHOWN } from './reader-pages.mjs';

const PAGE = '/tests/browser/pages/rendered-hints.html';

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;

before(async () => {
  server = await serve(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('marked hidden and covering elements are dropped with renderedHints, and the page is left as it was', async () => {
  const { page } = browser;
  await page.goto(`${server.origin}${PAGE}`, { waitUntil: 'load' });
  const result = await page.evaluate(async ([hiddenJs, webJs]) => {
    const { markHidden, HIDDEN_MARK } = /** @type {typeof import('../../www/overlay/hidden.js')} */ (await import(hiddenJs));
    const { init, cleanArticle } = /** @type {typeof import('../../js/web.js')} */ (await import(webJs));
    await init();
    const before = document.documentElement.outerHTML;
    const unmark = markHidden(document);
    const marked = [...document.querySelectorAll(`[${HIDDEN_MARK}]`)].map((el) => el.className);
    const html = document.documentElement.outerHTML;
    unmark();
    const after = document.documentElement.outerHTML;
    const options = { url: document.URL, formats: /** @type {['text']} */ (['text']) };
    return {
      marked,
      unchanged: before === after,
      plain: cleanArticle(html, options).text,
      hinted: cleanArticle(html, { ...options, renderedHints: true }).text,
    };
  }, ['/www/overlay/hidden.js', '/js/web.js']);
  assert.deepEqual(result.marked.sort(), ['k1', 'k2', 'k3', 'k4', 'k5']);
  assert.ok(result.unchanged, 'the marks are all gone after unmark()');
  const leaked = HIDDEN.filter((t) => result.plain.includes(t));
  assert.ok(leaked.length >= 3, `without the hints, HTML alone keeps most of them (kept: ${leaked.join(' | ')})`);
  for (const text of HIDDEN) assert.ok(!result.hinted.includes(text), `"${text}" is dropped with the hints`);
  for (const text of SHOWN) assert.ok(result.hinted.includes(text), `"${text}" stays`);
});

test('content people open on purpose, and a fixed app shell holding the article, are not marked', async () => {
  const { page } = browser;
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  const marked = await page.evaluate(async (hiddenJs) => {
    const { markHidden, HIDDEN_MARK } = /** @type {typeof import('../../www/overlay/hidden.js')} */ (await import(hiddenJs));
    const words = 'The shell scrolls inside a fixed box, as many web apps do, and holds the whole article with its headline. '.repeat(8);
    document.body.innerHTML = `<div id="shell" style="position:fixed;inset:0;overflow:auto"><article><h1>Headline</h1><p>${words}</p>
      <details id="faq"><summary>More</summary><p id="answer">The answer people open on purpose.</p></details>
      <div role="tabpanel" id="tab" hidden><p>Specifications in a closed tab.</p></div>
      <button id="chat" style="position:fixed;right:8px;bottom:8px">Chat with us</button></article></div>`;
    const unmark = markHidden(document);
    const ids = [...document.querySelectorAll(`[${HIDDEN_MARK}]`)].map((el) => el.id);
    unmark();
    return ids;
  }, '/www/overlay/hidden.js');
  assert.deepEqual(marked, ['chat']);
});
