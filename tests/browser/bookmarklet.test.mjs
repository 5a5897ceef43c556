// The bookmarklets (www/bookmarklet/, built by scripts/build-bookmarklet.mjs into a scratch
// folder for a base URL on the test's own demo server) in Chromium, on a fixture page with
// navigation, share, related and footer boilerplate served from another origin:
// both open the shared reader overlay on the article and none of the boilerplate, a second
// click closes it, the settings live in the page's localStorage, the article copies as
// Markdown (so the bookmarklet asks unboil for it), it reads aloud, it loads the next pages of
// a three-page article, and on a page whose CSP is
// `script-src 'self'` both show the message that points to the extension. The install page
// embeds both and has no axe-core violations; saves test-artifacts/install.png.
//
// How a click is reproduced: a bookmark's `javascript:` URL is a navigation that the browser
// starts, and Chromium runs it in the page's main world without checking the page's CSP
// against the bookmarklet's own code; everything that code then does (import(), WebAssembly
// compile) is checked against the page's CSP. The DevTools command Page.navigate with the
// `javascript:` URL is such a browser-initiated navigation, so it behaves as the click does.
// page.evaluate() would not do: it runs the code but is no navigation, and a page script
// setting location to the URL is renderer-initiated and blocked by the CSP before any code runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../node/helpers.mjs';
import { buildBookmarklets } from '../../scripts/build-bookmarklet.mjs';
import { serveSite } from '../../scripts/serve.mjs';
import { axeViolations } from './a11y.mjs';
import { HIDDEN, MULTI_BOILERPLATE, MULTI_PAGES, readPages, SHOWN, speechSpy } from './reader-pages.mjs';
import { launch, serve } from './harness.mjs';

const fixture = readFileSync(join(root, 'tests/browser/pages/night-market.html'));
/** @param {Record<string, string>} [headers] @returns {import('./harness.mjs').Route} */
const page = (headers) => () => ['text/html; charset=utf-8', fixture, headers];
const routes = {
  '/story.html': page(),
  '/rendered-hints.html': /** @type {import('./harness.mjs').Route} */ (() => ['text/html; charset=utf-8', readFileSync(join(root, 'tests/browser/pages/rendered-hints.html'))]),
  '/strict/story.html': page({ 'content-security-policy': "script-src 'self'" }),
  '/wasm-allowed/story.html': page({ 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" }),
};
const BOILERPLATE = ['Share on Facebook', 'Print this page', 'Related stories', 'Events calendar', 'Subscribe today', 'Copyright 2025', 'Privacy policy'];

const out = mkdtempSync(join(tmpdir(), 'unboil-bookmarklet-'));
/** @type {Awaited<ReturnType<typeof serveSite>>} */
let site;
/** @type {import('./harness.mjs').Server} */
let pages;
/** @type {import('./harness.mjs').Browser} */
let browser;
/** @type {import('playwright-core').CDPSession} */
let cdp;
/** @type {Awaited<ReturnType<typeof buildBookmarklets>>} */
let built;
/** @type {string[]} */
const errors = [];

before(async () => {
  site = await serveSite({ bookmarklet: out });
  built = await buildBookmarklets({ base: site.origin, outDir: out });
  pages = await serve(root, routes);
  browser = await launch();
  browser.page.on('pageerror', (e) => errors.push(e.message));
  cdp = await browser.context.newCDPSession(browser.page);
});

after(async () => {
  await browser?.close();
  await pages?.close();
  await site?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Clicks the bookmarklet `url` on the current page (see the header comment). */
const click = (/** @type {string} */ url) => cdp.send('Page.navigate', { url });

/** The open reader overlay's content, or null once it is gone. */
const reader = () => browser.page.evaluate(() => {
  const shadow = document.documentElement.querySelector(':scope > unboil-reader')?.shadowRoot;
  if (!shadow) return null;
  return {
    title: shadow.querySelector('h1')?.textContent,
    paragraphs: [...shadow.querySelectorAll('.body p')].map((p) => p.textContent ?? ''),
    text: shadow.textContent ?? '',
    theme: shadow.querySelector('.reader')?.className ?? '',
  };
});
/** The open reader overlay's content; fails when there is none. */
const shownReader = async () => {
  const shown = await reader();
  assert.ok(shown, 'the reader is open');
  return shown;
};
const readerShown = () => browser.page.waitForFunction(() => document.documentElement.querySelector(':scope > unboil-reader')?.shadowRoot?.querySelector('h1'));
const readerGone = () => browser.page.waitForFunction(() => !document.documentElement.querySelector(':scope > unboil-reader'));
const notice = async () => {
  await browser.page.waitForFunction(() => document.documentElement.querySelector(':scope > unboil-notice'));
  return browser.page.evaluate(() => {
    const box = /** @type {HTMLElement} */ (document.documentElement.querySelector(':scope > unboil-notice')?.shadowRoot?.querySelector('[role=alert]'));
    return { text: box.textContent, label: box.getAttribute('aria-labelledby'), link: box.querySelector('a')?.href, focused: /** @type {ShadowRoot} */ (box.getRootNode()).activeElement === box };
  });
};

for (const kind of /** @type {const} */ (['hosted', 'inline'])) {
  const name = kind === 'hosted' ? 'the hosted loader' : 'the self-contained bookmarklet';

  test(`${name} shows the article in the reader overlay, without the boilerplate`, async () => {
    await browser.page.goto(`${pages.origin}/story.html`);
    await click(built[kind]);
    await readerShown();
    const shown = await shownReader();
    assert.equal(shown.title, 'Night market returns to the old rail yard');
    assert.equal(shown.paragraphs.length, 5);
    assert.match(shown.paragraphs[0], /^After a three-year pause, the night market is back/);
    assert.match(shown.paragraphs[4], /until the end of October if the weather holds\.$/);
    for (const junk of BOILERPLATE) assert.ok(!shown.text.includes(junk), `no "${junk}"`);
  });

  test(`a second click on ${name} closes the overlay, a third opens it again`, async () => {
    await browser.page.goto(`${pages.origin}/story.html`);
    const before = await browser.page.evaluate(() => document.documentElement.outerHTML);
    await click(built[kind]);
    await readerShown();
    await click(built[kind]);
    await readerGone();
    assert.equal(await browser.page.evaluate(() => document.documentElement.outerHTML), before, 'the page is as it was');
    await click(built[kind]);
    await readerShown();
    assert.equal((await shownReader()).title, 'Night market returns to the old rail yard');
  });

  test(`${name} keeps the reader settings in the page's localStorage`, async () => {
    await browser.page.goto(`${pages.origin}/story.html`);
    await browser.page.evaluate(() => localStorage.clear());
    await click(built[kind]);
    await readerShown();
    await browser.page.locator('unboil-reader button[data-setting=theme][data-value=dark]').click();
    const saved = JSON.parse(await browser.page.evaluate(() => localStorage.getItem('unboil.reader.settings') ?? 'null'));
    assert.equal(saved.theme, 'dark');
    await browser.page.reload();
    await click(built[kind]);
    await readerShown();
    assert.match((await shownReader()).theme, /\btheme-dark\b/);
  });

  test(`${name} says it cannot run, and points to the extension, where the CSP is script-src 'self'`, async () => {
    await browser.page.goto(`${pages.origin}/strict/story.html`);
    await click(built[kind]);
    const shown = await notice();
    assert.match(shown.text, /Content Security Policy/);
    assert.match(shown.text, /browser extension/);
    assert.equal(shown.link, `${site.origin}/bookmarklet/#csp`);
    assert.equal(shown.label, 'unboil-notice-title');
    assert.ok(shown.focused, 'the message has the focus');
    assert.equal(await reader(), null);
    await browser.page.locator('unboil-notice button').click();
    assert.equal(await browser.page.evaluate(() => document.querySelector('unboil-notice')), null, 'Close removes it');
  });
}

test('the bookmarklet leaves out what the page hides or covers it with, and leaves the page as it was', async () => {
  await browser.page.goto(`${pages.origin}/rendered-hints.html`);
  const before = await browser.page.evaluate(() => document.documentElement.outerHTML);
  await click(built.inline);
  await readerShown();
  const shown = await shownReader();
  for (const text of SHOWN) assert.ok(shown.text.includes(text), `"${text}" shows`);
  for (const text of HIDDEN) assert.ok(!shown.text.includes(text), `no "${text}"`);
  await click(built.inline);
  await readerGone();
  assert.equal(await browser.page.evaluate(() => document.documentElement.outerHTML), before);
});

test('the bookmarklet\'s reader copies the article as Markdown, front matter first', async () => {
  await browser.page.goto(`${pages.origin}/story.html`);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.origin });
  await click(built.inline);
  await readerShown();
  await browser.page.locator('unboil-reader button', { hasText: 'Copy as Markdown' }).click();
  await browser.page.waitForFunction(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('[role=status]')?.textContent === 'Copied as Markdown');
  const copied = await browser.page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^---\ntitle: "Night market returns to the old rail yard"\n[^]*url: "http:\/\/127\.0\.0\.1:\d+\/story\.html"\n[^]*---\n\n# Night market returns to the old rail yard\n\nAfter a three-year pause, the night market is back/);
  for (const junk of BOILERPLATE) assert.ok(!copied.includes(junk), `no "${junk}"`);
  await click(built.inline);
  await readerGone();
});

test("the bookmarklet's reader reads the article aloud in its language, and Esc stops the speech", async () => {
  await browser.page.goto(`${pages.origin}/story.html`);
  /** @param {'install' | 'fire' | 'read'} command @param {[number, string]} [event] @returns {Promise<ReturnType<typeof speechSpy>>} */
  const speech = (command, event) => browser.page.evaluate(`(${speechSpy})(${JSON.stringify(command)}, ${JSON.stringify(event ?? null)})`);
  await speech('install');
  await click(built.inline);
  await readerShown();
  await browser.page.locator('unboil-reader button', { hasText: 'Read aloud' }).click();
  await speech('fire', [0, 'end']);
  const heard = await speech('fire', [1, 'start']);
  assert.deepEqual(heard.spoken.map((u) => u.lang), ['en', 'en']);
  assert.equal(heard.spoken[0].text, 'Night market returns to the old rail yard');
  assert.match(heard.spoken[1].text, /^After a three-year pause, the night market is back/);
  assert.match(await browser.page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.speaking')?.textContent ?? ''), /^After a three-year pause/);
  await browser.page.keyboard.press('Escape');
  await readerGone();
  assert.deepEqual((await speech('read')).calls, ['speak', 'speak', 'cancel']);
});

test("the bookmarklet's reader loads the next pages of a multi-page article, cleaned in the page, each once", async () => {
  await browser.page.goto(`${pages.origin}/tests/browser/pages/multi-1.html`);
  await click(built.inline);
  await readerShown();
  for (const count of [1, 2]) {
    await browser.page.locator('unboil-reader button.load-next').click();
    await browser.page.waitForFunction((n) => document.querySelector('unboil-reader')?.shadowRoot?.querySelectorAll('section.page').length === n, count);
  }
  const shown = await browser.page.evaluate(readPages);
  assert.deepEqual(shown.pages.map((p) => [p.label, p.paragraphs.length]), [['Page 1', 4], ['Page 2', 4], ['Page 3', 4]]);
  shown.pages.forEach((p, i) => assert.match(p.paragraphs[0], new RegExp(`^${MULTI_PAGES[i]}`)));
  assert.equal(shown.button, null, 'no more pages to load');
  for (const junk of MULTI_BOILERPLATE) assert.ok(!shown.text.includes(junk), `no "${junk}"`);
  await browser.page.keyboard.press('Escape');
  await readerGone();
});

test("with 'wasm-unsafe-eval' allowed the self-contained bookmarklet runs; the hosted one, from another origin, still may not", async () => {
  await browser.page.goto(`${pages.origin}/wasm-allowed/story.html`);
  await click(built.inline);
  await readerShown();
  assert.equal((await shownReader()).title, 'Night market returns to the old rail yard');
  await browser.page.goto(`${pages.origin}/wasm-allowed/story.html`);
  await click(built.hosted);
  assert.match((await notice()).text, /Content Security Policy/);
});

test('the hosted loader says unboil could not start when its host cannot be reached', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'unboil-bookmarklet-'));
  try {
    const { hosted } = await buildBookmarklets({ base: 'http://127.0.0.1:9', outDir: elsewhere }); // the discard port: refused
    await browser.page.goto(`${pages.origin}/story.html`);
    await click(hosted);
    const shown = await notice();
    assert.match(shown.text, /^unboil could not startThe reader view could not load: .*dynamically imported module/);
    assert.equal(shown.link, undefined);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('the install page embeds both bookmarklets, has no axe-core violations, and no page errors happened', async () => {
  await browser.page.setViewportSize({ width: 1100, height: 900 });
  await browser.page.goto(`${site.origin}/bookmarklet/`);
  const links = await browser.page.$$eval('a.bookmarklet', (all) => all.map((a) => /** @type {HTMLAnchorElement} */ (a).href));
  assert.ok(links.length === 2 && links[0] === built.hosted && links[1] === built.inline, 'the links are the built bookmarklets, unchanged by the HTML parser');
  assert.ok(built.sizes.hosted < 4096, `the hosted loader is tiny (${built.sizes.hosted} bytes)`);
  assert.ok(built.sizes.inline < built.sizes.inlineWithoutGzip, 'gzip makes the self-contained one smaller');
  assert.match(await browser.page.textContent('#csp') ?? '', /wasm-unsafe-eval/);
  assert.deepEqual(await axeViolations(browser.page), []);
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  await browser.page.screenshot({ path: join(root, 'test-artifacts/install.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
