// The overlay's helpers, imported as modules into a page of Chromium: the voice chosen for an
// article's language (read-aloud.js), and the next part of a multi-page article found in a page
// and fetched from its origin (next-page.js), on the served pages tests/browser/pages/multi-*.html
// and on made-up pagination markup.
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
  await browser.page.goto(`${server.origin}/tests/browser/pages/multi-1.html`);
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

test('findNextPage finds rel=next, a "next" pagination link or the page number after the current one, on the same origin only', async () => {
  const found = await browser.page.evaluate(async (path) => {
    const { findNextPage } = /** @type {typeof import('../../www/overlay/next-page.js')} */ (await import(path));
    const find = (/** @type {string} */ body, url = 'https://news.test/story?page=2') => findNextPage(new DOMParser().parseFromString(body, 'text/html'), url);
    return {
      live: findNextPage(document, location.href),
      linkElement: find('<link rel="next" href="/story?page=3"><a rel="next" href="/elsewhere">later</a>'),
      anchorRel: find('<p><a rel="prev next" href="part-3#top">on</a></p>'),
      nextText: find('<div class="pager"><a href="?page=1">‹ Prev</a> <a href="?page=3">Next  ›</a></div>'),
      guillemet: find('<nav><a href="?page=3">»</a></nav>'),
      ariaLabel: find('<a href="/story/3" aria-label="Next page"><svg></svg></a>'),
      number: find('<ul class="pages"><li><a href="?page=1">1</a></li><li><strong>2</strong></li><li><a href="?page=3">3</a></li><li><a href="?page=4">4</a></li></ul>'),
      numberCurrentLink: find('<ol><li><a href="?page=2" aria-current="page">2</a></li><li><a href="?page=3">3</a></li></ol>'),
      base: find('<base href="/archive/2025/"><a rel="next" href="ferry-2.html">more</a>'),
      footnote: find('<p>As reported<a href="#fn2">2</a> and <a href="/notes/3">3</a>.</p>'),
      nextStory: find('<a href="/another-story">Next story</a> <a href="/x">Next article: fares</a>'),
      samePage: find('<a href="#">Next</a> <a href="?page=2#comments">Next</a>'),
      otherOrigin: find('<link rel="next" href="https://ads.test/p/3"><a rel="next" href="//cdn.test/3">3</a><a href="https://elsewhere.test/?page=3">Next</a>'),
      script: find('<a rel="next" href="javascript:alert(1)">Next</a>'),
    };
  }, '/www/overlay/next-page.js');
  assert.deepEqual(found, {
    live: `${server.origin}/tests/browser/pages/multi-2.html`,
    linkElement: 'https://news.test/story?page=3',
    anchorRel: 'https://news.test/part-3',
    nextText: 'https://news.test/story?page=3',
    guillemet: 'https://news.test/story?page=3',
    ariaLabel: 'https://news.test/story/3',
    number: 'https://news.test/story?page=3',
    numberCurrentLink: 'https://news.test/story?page=3',
    base: 'https://news.test/archive/2025/ferry-2.html',
    footnote: null,
    nextStory: null,
    samePage: null,
    otherOrigin: null,
    script: null,
  });
});

test("fetchPage fetches a page of the tab's origin with its next part, and refuses any other origin", async () => {
  const fetched = await browser.page.evaluate(async (path) => {
    const { fetchPage } = /** @type {typeof import('../../www/overlay/next-page.js')} */ (await import(path));
    const [second, third] = [await fetchPage(document, 'multi-2.html'), await fetchPage(document, `${location.origin}/tests/browser/pages/multi-3.html`)];
    const refused = await fetchPage(document, 'https://example.org/multi-2.html').then(() => 'fetched', (error) => String(error));
    const missing = await fetchPage(document, 'multi-4.html').then(() => 'fetched', (error) => String(error));
    return {
      second: { url: second.url, next: second.next, text: second.html.includes('The second problem was freight') },
      third: { url: third.url, next: third.next },
      refused,
      missing,
    };
  }, '/www/overlay/next-page.js');
  const at = `${server.origin}/tests/browser/pages`;
  assert.deepEqual(fetched.second, { url: `${at}/multi-2.html`, next: `${at}/multi-3.html`, text: true });
  assert.deepEqual(fetched.third, { url: `${at}/multi-3.html`, next: `${at}/multi-1.html` }, 'page 3 leads back to page 1 (the view does not append it again)');
  assert.match(fetched.refused, /https:\/\/example\.org\/multi-2\.html is not on http:\/\/127\.0\.0\.1/);
  assert.match(fetched.missing, /HTTP 404/);
});
