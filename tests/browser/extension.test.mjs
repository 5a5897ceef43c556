// The reader-mode extension in Chromium: the test builds it (scripts/build-extension.mjs),
// loads dist/extension-chromium unpacked and clicks its toolbar button the way a user does
// (CDP Extensions.triggerAction, which fires action.onClicked and grants activeTab). It checks
// the reader view on the fixture pages of tests/browser/pages/ (boilerplate gone, a strict-CSP
// page, right-to-left and Japanese pages, a page that is no article and its "Show anyway"),
// that closing restores the page exactly, that settings (typography too) survive a reload, the
// outline, Read aloud (the utterances queued, through a stand-in speech engine: headless
// browsers have no voices), "Load next page" on a served three-page article, "Save as
// Markdown" (the downloaded file), "Copy as Markdown" (the clipboard), print media, axe-core and text contrast in each theme, keyboard use, the shortcut Chromium grants, the store packages and the Firefox variant's lint (web-ext; Firefox itself
// runs in firefox.test.mjs), and that a 1 MB article is put in the view by parts; it prints cold and warm click-to-overlay times on the article and
// on a 1 MB page, and saves screenshots under test-artifacts/.
/// <reference types="chrome" />
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildExtension } from '../../scripts/build-extension.mjs';
import { root } from '../node/helpers.mjs';
import { axeViolations } from './a11y.mjs';
import { launchWithExtension, serve } from './harness.mjs';
import { BOILERPLATE, HIDDEN, MULTI_BOILERPLATE, MULTI_PAGES, pages, readOverlay, readPages, readSpeaking, routes, SHOWN, speechSpy, STRICT_CSP } from './reader-pages.mjs';

const artifacts = join(root, 'test-artifacts');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').ExtensionBrowser} */
let browser;
/** @type {ReturnType<typeof buildExtension>} */
let built;

before(async () => {
  built = buildExtension();
  mkdirSync(artifacts, { recursive: true });
  server = await serve(pages, routes);
  browser = await launchWithExtension(built.chromium);
  // The first click in a freshly started Chromium is now and then refused ("Cannot access
  // contents of the page": activeTab not granted yet; about 1 in 4 starts here, and a second
  // click always works). It is done here once, so that no test depends on being first.
  const page = await visit('/article.html');
  await browser.click(page);
  const opened = await page.waitForFunction(() => Boolean(document.querySelector('unboil-reader')), null, { timeout: 5000 }).then(() => true, () => false);
  if (!opened) await click(page);
  await click(page, false);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` in the test tab, waiting for its images. @param {string} path */
async function visit(path) {
  await browser.page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return browser.page;
}

/**
 * Clicks the toolbar button and waits until the overlay is open (or closed, with `open` false).
 * @param {import('playwright-core').Page} page
 */
async function click(page, open = true) {
  await browser.click(page);
  await page.waitForFunction((want) => Boolean(document.querySelector('unboil-reader')) === want, open, { polling: 'raf' });
}

/** What the overlay shows (see readOverlay). @param {import('playwright-core').Page} page */
const overlay = (page) => page.evaluate(readOverlay);

/** Waits until the view holds the whole article (a long one is put in by parts). @param {import('playwright-core').Page} page */
const whole = (page) => page.waitForFunction(() => !document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body[aria-busy]'));

/**
 * Runs speechSpy(command, event) in the active tab's world of the extension's scripts, where
 * the overlay runs, through the service worker (activeTab was granted by the click).
 * @param {'install' | 'fire' | 'read'} command
 * @param {[number, string]} [event]
 * @returns {Promise<ReturnType<typeof speechSpy>>}
 */
const speech = (command, event) => browser.worker.evaluate(`(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: ${speechSpy}, args: ${JSON.stringify([command, event ?? null])} });
  return result;
})()`);

test('the manifest asks for activeTab, scripting and storage only, allows WebAssembly, and Chromium grants its shortcut Alt+Shift+U', async () => {
  const manifest = JSON.parse(readFileSync(join(built.chromium, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_permissions, undefined);
  assert.match(manifest.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+U');
  assert.match(manifest.action.default_title, /\(Alt\+Shift\+U\)/);
  // A suggested key that Chromium keeps for itself (Alt+Shift+R on Linux) leaves the command
  // without one: its shortcut reads back empty.
  const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
  assert.deepEqual(commands.map(({ name, shortcut }) => ({ name, shortcut })), [{ name: '_execute_action', shortcut: 'Alt+Shift+U' }]);
});

test('an article shows with its title, byline, date, reading time, image and links, without the boilerplate', async () => {
  const page = await visit('/article.html');
  await click(page);
  const shown = await overlay(page);
  assert.equal(shown.title, 'The Lighthouse Keepers of Marrow Point');
  assert.equal(shown.site, 'Coastline Weekly');
  assert.match(shown.meta ?? '', /Ines Okafor/);
  assert.match(shown.meta ?? '', /2025/);
  assert.match(shown.meta ?? '', /\d+ min read/);
  assert.match(shown.paragraphs[0] ?? '', /^For ninety-one years the lamp at Marrow Point/);
  assert.ok(shown.paragraphs.some((p) => p?.startsWith('Maud, now eighty-four')));
  assert.match(shown.body ?? '', /The lantern room, photographed the winter before/);
  for (const junk of BOILERPLATE) assert.ok(!shown.body?.includes(junk), `boilerplate "${junk}" left in the reader view`);
  assert.equal(shown.dialogLabel, 'Reader view');
  assert.ok(shown.inDialog, 'the article sits in the dialog, labelled by its title');
  assert.ok(shown.focused, 'the focus moved into the view');
  const image = await page.evaluate(async () => {
    const img = /** @type {HTMLImageElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body img'));
    await img.decode();
    return { width: img.naturalWidth, alt: img.alt };
  });
  assert.deepEqual(image, { width: 600, alt: 'The lantern room at Marrow Point with its brass lens' });
  await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('a[href$="/listing.html"]')).click());
  await page.waitForURL(/\/listing\.html$/);
});

test('closing, by a second click or by Esc, restores the page exactly', async () => {
  const page = await visit('/article.html');
  await page.evaluate(() => window.scrollTo(0, 400));
  const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));
  assert.equal(before.y, 400);
  const state = () => page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    y: window.scrollY,
    overflow: getComputedStyle(document.documentElement).overflowY,
    sheets: document.adoptedStyleSheets.length,
  }));
  await click(page);
  // The page is locked once the view is drawn.
  await page.waitForFunction(() => getComputedStyle(document.documentElement).overflowY === 'hidden', null, { timeout: 2000 });
  assert.equal((await state()).overflow, 'hidden', 'the page does not scroll under the view');
  await click(page, false);
  assert.deepEqual(await state(), { html: before.html, y: 400, overflow: 'visible', sheets: 0 });
  await click(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('unboil-reader'));
  assert.deepEqual(await state(), { html: before.html, y: 400, overflow: 'visible', sheets: 0 });
});

test('what the page hides or covers it with (a hidden menu, a pop-up, a sticky bar) stays out, and the page is left as it was', async () => {
  const page = await visit('/rendered-hints.html');
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await click(page);
  const shown = await overlay(page);
  for (const text of SHOWN) assert.ok(shown.body?.includes(text), `"${text}" shows`);
  for (const text of HIDDEN) assert.ok(!shown.body?.includes(text), `no "${text}"`);
  await page.screenshot({ path: join(artifacts, 'extension-rendered-hints.png') });
  await click(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
});

test('a page with a strict CSP shows the styled reader view without any CSP violation', async () => {
  const page = await visit('/strict.html');
  const response = await page.request.get(page.url());
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.evaluate(() => {
    /** @type {string[]} */
    const violations = [];
    /** @type {Window & { violations?: string[] }} */ (window).violations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await click(page);
  const shown = await overlay(page);
  assert.equal(shown.title, 'The Lighthouse Keepers of Marrow Point');
  assert.equal(shown.background, 'rgb(255, 255, 255)', 'the overlay stylesheet applies');
  assert.equal(shown.position, 'fixed');
  const toolbar = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.toolbar'))).position);
  assert.equal(toolbar, 'sticky');
  assert.deepEqual(await page.evaluate(() => /** @type {Window & { violations?: string[] }} */ (window).violations), []);
  await click(page, false);
});

test('a right-to-left page reads right to left', async () => {
  const page = await visit('/rtl.html');
  await click(page);
  const shown = await overlay(page);
  assert.equal(shown.title, 'حديقة السطح التي أطعمت الحي');
  assert.equal(shown.lang, 'ar');
  assert.equal(shown.dir, 'rtl');
  assert.equal(shown.direction, 'rtl');
  assert.match(shown.paragraphs[0] ?? '', /^بدأت الفكرة بصندوق خشبي/);
  assert.ok(!shown.body?.includes('اقرأ أيضاً'), 'related links left out');
  await page.screenshot({ path: join(artifacts, 'extension-rtl.png') });
  await click(page, false);
});

test('a Japanese page keeps its language, wraps inside the column and counts its reading time', async () => {
  const page = await visit('/japanese.html');
  await click(page);
  const shown = await overlay(page);
  assert.equal(shown.title, '商店街の小さな古本屋が五十年続いた理由');
  assert.equal(shown.lang, 'ja');
  assert.match(shown.meta ?? '', /森田 花/);
  assert.match(shown.meta ?? '', /1 min read/);
  const fits = await page.evaluate(() => {
    const body = /** @type {Element} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body'));
    const p = /** @type {HTMLParagraphElement} */ (body.querySelector('p'));
    return { lines: Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)), overflow: body.scrollWidth - body.clientWidth };
  });
  assert.ok(fits.lines > 1, 'a long paragraph wraps onto several lines');
  assert.equal(fits.overflow, 0, 'no text runs past the column');
  await click(page, false);
});

test('a page that is no article says so instead of showing an empty view, and "Show anyway" shows its main content', async () => {
  const page = await visit('/listing.html');
  await click(page);
  const shown = await overlay(page);
  assert.match(shown.notice ?? '', /does not look like an article/);
  assert.equal(shown.title, null);
  assert.ok(shown.focused);
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.locator(`unboil-reader button[data-value="${theme}"]`).click();
    assert.deepEqual(await axeViolations(page), [], `axe violations on the notice in the ${theme} theme`);
  }
  await page.locator('unboil-reader button[data-value="light"]').click();
  const button = page.locator('unboil-reader .notice button', { hasText: 'Show anyway' });
  await button.click();
  const after = await overlay(page);
  assert.equal(after.notice, null, 'the notice is gone');
  assert.equal(after.title, 'All sections | Coastline Weekly', 'the page title heads the view');
  assert.match(after.body ?? '', /Harbour walls to be repaired before winter[^]*Library extends opening hours/);
  assert.ok(!after.body?.includes('Privacy'), 'the footer is left out');
  assert.ok(after.focused, 'the focus stays in the view');
  await page.screenshot({ path: join(artifacts, 'extension-show-anyway.png') });
  await click(page, false);
  // The keyboard reaches the button too: Tab from the dialog, Enter presses it.
  await click(page);
  for (let tries = 0; tries < 20 && !(await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.classList.contains('show-anyway'))); tries++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  assert.equal((await overlay(page)).title, 'All sections | Coastline Weekly');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('unboil-reader'));
});

test('the settings apply at once, and the theme chosen in the view survives a reload', async () => {
  const page = await visit('/article.html');
  await click(page);
  const press = (/** @type {string} */ selector) => page.evaluate((s) => /** @type {HTMLElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector(s)).click(), selector);
  const textSize = () => page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body p'))).fontSize);
  assert.equal(await textSize(), '20px');
  await press('button[data-step="size-up"]');
  assert.equal(await textSize(), '22px');
  await press('button[data-step="size-down"]');
  await press('button[data-value="dark"]');
  assert.equal((await overlay(page)).theme, 'dark');
  const stored = () => browser.worker.evaluate(async () => /** @type {{ theme?: string } | undefined} */ ((await chrome.storage.local.get('settings')).settings));
  for (let tries = 0; (await stored())?.theme !== 'dark' && tries < 50; tries++) await new Promise((done) => setTimeout(done, 20));
  assert.deepEqual(await stored(), { theme: 'dark', font: 'serif', size: 20, width: 68, lineHeight: 1.65, align: 'start', images: 'show' });
  await page.reload();
  await click(page);
  const shown = await overlay(page);
  assert.equal(shown.theme, 'dark');
  assert.equal(shown.background, 'rgb(27, 27, 29)');
  const pressed = await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('button[data-value="dark"]')?.getAttribute('aria-pressed'));
  assert.equal(pressed, 'true');
  await press('button[data-value="light"]');
  await click(page, false);
});

test('line spacing, justified text and hidden images apply through the toolbar, by mouse and keyboard, and are remembered on reopening', async () => {
  const page = await visit('/article.html');
  await click(page);
  const look = () => page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
    const p = getComputedStyle(/** @type {Element} */ (root.querySelector('.body p')));
    const pressed = [...root.querySelectorAll('button[aria-pressed="true"]')].map((b) => b.textContent);
    return { lineHeight: p.lineHeight, align: p.textAlign, image: getComputedStyle(/** @type {Element} */ (root.querySelector('.body img'))).display, pressed };
  });
  assert.deepEqual(await look(), { lineHeight: '33px', align: 'start', image: 'inline', pressed: ['Light', 'Serif', 'Start', 'Show'] });
  await page.locator('unboil-reader button[data-step="lineHeight-up"]').click();
  await page.locator('unboil-reader button[data-setting="images"][data-value="hide"]').click();
  // The keyboard alone: arrows along the toolbar to Justify, Enter presses it.
  await page.locator('unboil-reader button[data-value="light"]').focus();
  for (let tries = 0; tries < 20 && (await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.textContent)) !== 'Justify'; tries++) {
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  const changed = { lineHeight: '36px', align: 'justify', image: 'none', pressed: ['Light', 'Serif', 'Justify', 'Hide'] };
  assert.deepEqual(await look(), changed);
  await page.screenshot({ path: join(artifacts, 'extension-typography.png') });
  const stored = () => browser.worker.evaluate(async () => /** @type {Record<string, unknown> | undefined} */ ((await chrome.storage.local.get('settings')).settings));
  for (let tries = 0; (await stored())?.images !== 'hide' && tries < 50; tries++) await new Promise((done) => setTimeout(done, 20));
  assert.deepEqual(await stored(), { theme: 'light', font: 'serif', size: 20, width: 68, lineHeight: 1.8, align: 'justify', images: 'hide' });
  await click(page, false);
  await page.reload();
  await click(page);
  assert.deepEqual(await look(), changed, 'remembered on reopening');
  await page.locator('unboil-reader button[data-step="lineHeight-down"]').click();
  await page.locator('unboil-reader button[data-value="start"]').click();
  await page.locator('unboil-reader button[data-value="show"]').click();
  assert.deepEqual(await look(), { lineHeight: '33px', align: 'start', image: 'inline', pressed: ['Light', 'Serif', 'Start', 'Show'] });
  await click(page, false);
});

test('an article with three or more headings has a collapsible outline whose links scroll the view to each heading', async () => {
  let page = await visit('/article.html');
  await click(page);
  assert.equal(await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.outline')), null, 'one heading: no outline');
  await click(page, false);
  page = await visit('/sections.html');
  await click(page);
  const state = () => page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
    const outline = /** @type {HTMLDetailsElement} */ (root.querySelector('details.outline'));
    const toolbar = /** @type {Element} */ (root.querySelector('.toolbar')).getBoundingClientRect();
    const active = root.activeElement;
    return {
      open: outline.open,
      links: [...outline.querySelectorAll('a')].map((a) => a.textContent),
      scrolled: /** @type {Element} */ (root.querySelector('.reader')).scrollTop,
      focused: active?.textContent?.trim(),
      // How far the focused heading's top is below the toolbar, in px.
      gap: active?.localName === 'h2' ? Math.round(active.getBoundingClientRect().top - toolbar.bottom) : null,
      pageY: window.scrollY,
      url: location.href,
    };
  });
  const start = await state();
  assert.deepEqual({ open: start.open, links: start.links, scrolled: start.scrolled }, { open: false, links: ['An end to the clockwork', 'Part 1', 'Part 2', 'Part 3'], scrolled: 0 });
  // The keyboard alone: Tab to the outline's summary, Enter opens it, Tab to "Part 2", Enter.
  for (let tries = 0; tries < 30 && (await state()).focused !== 'Contents'; tries++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal((await state()).open, true);
  for (let tries = 0; tries < 5 && (await state()).focused !== 'Part 2'; tries++) await page.keyboard.press('Tab');
  await page.screenshot({ path: join(artifacts, 'extension-outline.png') });
  // Blocks laid out on the way may move the heading; the view puts it back within frames for two
  // seconds. Read where it ends up (the assertions below say what is wrong if it is off).
  const settled = () => page.waitForTimeout(2200);
  await page.keyboard.press('Enter');
  await settled();
  const there = await state();
  assert.equal(there.focused, 'Part 2', 'the focus moves to the heading');
  assert.ok(there.scrolled > 500, `the view scrolled (${there.scrolled} px)`);
  assert.ok(there.gap !== null && there.gap >= 0 && there.gap <= 16, `the heading shows just below the toolbar (${there.gap} px)`);
  assert.deepEqual([there.pageY, there.url], [start.pageY, start.url], 'the page underneath neither scrolled nor navigated');
  // And by mouse, back up to the first heading.
  await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.reader')?.scrollTo(0, 0));
  await page.locator('unboil-reader .outline a', { hasText: 'An end to the clockwork' }).click();
  await settled();
  const first = await state();
  assert.equal(first.focused, 'An end to the clockwork');
  assert.ok(first.gap !== null && first.gap >= 0 && first.gap <= 16, `the heading shows just below the toolbar (${first.gap} px)`);
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.locator(`unboil-reader button[data-value="${theme}"]`).click();
    assert.deepEqual(await axeViolations(page), [], `axe violations with the outline open in the ${theme} theme`);
  }
  await page.locator('unboil-reader button[data-value="light"]').click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('unboil-reader'));
});

test('Read aloud speaks the article block by block in its language, highlights the block being read and keeps it in view; pause, resume, speed and stop work; closing stops the speech', async () => {
  const page = await visit('/sections.html');
  await click(page);
  await speech('install');
  const control = (/** @type {string} */ name) => page.locator('unboil-reader [role=group][aria-label="Read aloud"] button', { hasText: name });
  assert.equal(await control('Stop').isDisabled(), true, 'Stop is disabled before reading');
  await control('Read aloud').click();
  let heard = await speech('read');
  assert.deepEqual(heard.spoken, [{ text: 'The Lighthouse Keepers of Marrow Point', lang: 'en', rate: 1 }], 'the title is read first, in the article\'s language');
  await speech('fire', [0, 'start']);
  assert.equal((await page.evaluate(readSpeaking))?.text, 'The Lighthouse Keepers of Marrow Point');
  heard = await speech('fire', [0, 'end']);
  assert.match(heard.spoken[1].text, /^For ninety-one years the lamp at Marrow Point/, 'then the first paragraph');
  assert.equal(heard.spoken.length, 2, 'one utterance at a time');
  // Read on to the heading "Part 2", far down the view: it is highlighted and scrolled to.
  const paragraphs = await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelectorAll('.body p').length ?? 0);
  for (let i = 1; !heard.spoken.some((u) => u.text === 'Part 2') && i < paragraphs * 2; i++) heard = await speech('fire', [i, 'end']);
  const part2 = heard.spoken.length - 1;
  assert.equal(heard.spoken[part2].text, 'Part 2');
  assert.ok(heard.spoken.every((u) => u.lang === 'en' && u.text), 'every block in English, none empty');
  await speech('fire', [part2, 'start']);
  const speaking = await page.evaluate(readSpeaking);
  assert.equal(speaking?.text, 'Part 2');
  assert.ok(speaking?.inView, 'the block being read shows below the toolbar');
  assert.ok((speaking?.scrolled ?? 0) > 500, `the view scrolled to it (${speaking?.scrolled} px)`);
  // Pause and resume.
  await control('Pause').click();
  await control('Resume').click();
  heard = await speech('read');
  assert.deepEqual(heard.calls.slice(-2), ['pause', 'resume']);
  // Faster: the block being read starts again at the new rate; the cancelled utterance's end is ignored.
  await page.locator('unboil-reader button[data-step="rate-up"]').click();
  heard = await speech('fire', [part2, 'end']);
  assert.deepEqual(heard.calls.slice(-2), ['cancel', 'speak']);
  assert.deepEqual(heard.spoken.slice(part2 + 1), [{ text: 'Part 2', lang: 'en', rate: 1.25 }]);
  assert.equal(await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.rate')?.textContent), '1.25×');
  await speech('fire', [part2 + 1, 'start']);
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.locator(`unboil-reader button[data-value="${theme}"]`).click();
    assert.deepEqual(await axeViolations(page), [], `axe violations while reading aloud in the ${theme} theme`);
    const colours = await page.evaluate(() => {
      const block = /** @type {Element} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.speaking'));
      return { fg: getComputedStyle(block).color, bg: getComputedStyle(block).backgroundColor };
    });
    assert.ok(contrast(colours.fg, colours.bg) >= 4.5, `${theme}: the highlighted block has ${contrast(colours.fg, colours.bg).toFixed(2)}:1`);
    if (theme === 'sepia') await page.screenshot({ path: join(artifacts, 'extension-read-aloud.png') });
  }
  await page.locator('unboil-reader button[data-value="light"]').click();
  // Stop: silence, no highlight, back to "Read aloud".
  await control('Stop').click();
  heard = await speech('read');
  assert.equal(heard.calls.at(-1), 'cancel');
  assert.equal(await page.evaluate(readSpeaking), null);
  assert.equal(await control('Stop').isDisabled(), true);
  assert.equal(await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.textContent), 'Read aloud', 'the focus stays in the toolbar');
  // The keyboard alone: arrows along the toolbar to "Read aloud", Enter starts from the top again.
  await page.locator('unboil-reader button[data-value="light"]').focus();
  for (let tries = 0; tries < 30 && (await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.textContent)) !== 'Read aloud'; tries++) {
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  heard = await speech('read');
  assert.equal(heard.spoken.at(-1)?.text, 'The Lighthouse Keepers of Marrow Point');
  // Esc closes the view, and the speech stops with it.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('unboil-reader'));
  assert.deepEqual((await speech('read')).calls.slice(-2), ['speak', 'cancel']);
  // So does closing with the toolbar button, while paused; a page in Japanese is read in Japanese.
  await visit('/japanese.html');
  await click(page);
  await speech('install');
  await control('Read aloud').click();
  await control('Pause').click();
  await click(page, false);
  heard = await speech('read');
  assert.deepEqual(heard.calls, ['speak', 'pause', 'cancel', 'resume']);
  assert.deepEqual([heard.spoken[0].text, heard.spoken[0].lang], ['商店街の小さな古本屋が五十年続いた理由', 'ja']);
});

test('a multi-page article: "Load next page" appends pages 2 and 3 in order under dividers, without their boilerplate, never twice, and then goes away', async () => {
  const page = await visit('/multi-1.html');
  await click(page);
  let shown = await page.evaluate(readPages);
  assert.equal(shown.pages.length, 1);
  assert.match(shown.pages[0].paragraphs[0], new RegExp(`^${MULTI_PAGES[0]}`));
  assert.deepEqual(shown.button, { busy: false }, 'the view offers the next page');
  const TITLE = 'How the island ferry timetable was rebuilt';
  const titles = shown.text.split(TITLE).length;
  // By mouse: page 2 (found through the first page's <link rel="next">).
  await page.locator('unboil-reader button.load-next').click();
  await page.waitForFunction(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelectorAll('section.page').length === 1);
  shown = await page.evaluate(readPages);
  assert.deepEqual(shown.pages.map((p) => p.label), ['Page 1', 'Page 2']);
  assert.match(shown.pages[1].paragraphs[0], new RegExp(`^${MULTI_PAGES[1]}`));
  assert.equal(shown.pages[1].paragraphs.length, 4);
  assert.equal(shown.focused, 'Page 2', 'the focus moves to the page appended');
  assert.deepEqual(shown.button, { busy: false }, 'page 2 links page 3 (its pager\'s "»")');
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.locator(`unboil-reader button[data-value="${theme}"]`).click();
    assert.deepEqual(await axeViolations(page), [], `axe violations with a page appended in the ${theme} theme`);
  }
  await page.locator('unboil-reader button[data-value="light"]').click();
  // The keyboard alone: from the appended page, Tab reaches the button, Enter loads page 3.
  await page.locator('unboil-reader section.page').focus();
  for (let tries = 0; tries < 10 && (await page.evaluate(readPages)).focused !== 'Load next page'; tries++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelectorAll('section.page').length === 2);
  shown = await page.evaluate(readPages);
  assert.deepEqual(shown.pages.map((p) => [p.label, p.paragraphs.length]), [['Page 1', 4], ['Page 2', 4], ['Page 3', 4]]);
  shown.pages.forEach((p, i) => assert.match(p.paragraphs[0], new RegExp(`^${MULTI_PAGES[i]}`), `page ${i + 1} in its place`));
  // Page 3's <link rel="next"> leads back to page 1: nothing more to load.
  assert.equal(shown.button, null, 'the button is gone after the last page');
  assert.equal(shown.status, 'No more pages.');
  for (const first of MULTI_PAGES) assert.equal(shown.text.split(first).length - 1, 1, `"${first}" shows once`);
  for (const junk of MULTI_BOILERPLATE) assert.ok(!shown.text.includes(junk), `no "${junk}"`);
  assert.equal(shown.text.split(TITLE).length, titles, 'the title does not show again on each page');
  // Read aloud goes on from page 1 into the pages appended, in the article's language.
  await speech('install');
  await page.locator('unboil-reader button', { hasText: 'Read aloud' }).click();
  let heard = await speech('read');
  for (let i = 0; i < 20 && !heard.spoken.at(-1)?.text.startsWith(MULTI_PAGES[2]); i++) heard = await speech('fire', [i, 'end']);
  const texts = heard.spoken.map((u) => u.text);
  const starts = MULTI_PAGES.map((first) => texts.findIndex((text) => text.startsWith(first)));
  assert.ok(starts.every((at, i) => at > (starts[i - 1] ?? 0)), `each page read after the one before (${starts})`);
  assert.ok(heard.spoken.every((u) => u.lang === 'en'));
  await page.locator('unboil-reader button', { hasText: 'Stop' }).click();
  await page.locator('unboil-reader section.page[aria-label="Page 2"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, 'extension-next-page.png') });
  await click(page, false);
});

test('"Save as Markdown" downloads the article with its front matter, "Copy as Markdown" copies the same text', async () => {
  const page = await visit('/article.html');
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await click(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('unboil-reader button', { hasText: 'Save as Markdown' }).click()]);
  assert.equal(download.suggestedFilename(), 'The Lighthouse Keepers of Marrow Point.md');
  const saved = readFileSync(await download.path(), 'utf8');
  assert.equal(saved.slice(0, saved.indexOf('\n\n# ')), [
    '---',
    'title: "The Lighthouse Keepers of Marrow Point"',
    'byline: "Ines Okafor"',
    'site: "Coastline Weekly"',
    'published: "2025-09-14T08:30:00Z"',
    `url: "${server.origin}/article.html"`,
    'lang: "en"',
    '---',
  ].join('\n'));
  assert.match(saved, /\n\n# The Lighthouse Keepers of Marrow Point\n\nFor ninety-one years the lamp at Marrow Point/);
  assert.ok(saved.includes(`![The lantern room at Marrow Point with its brass lens](${server.origin}/lamp.svg)`), 'the image, with its absolute address');
  assert.ok(saved.includes('\n## An end to the clockwork\n'));
  assert.ok(saved.includes('\n> The light never belonged to us.'));
  assert.ok(saved.endsWith('[an interview last spring](' + server.origin + '/listing.html).\n'));
  for (const junk of BOILERPLATE) assert.ok(!saved.includes(junk), `boilerplate "${junk}" in the Markdown`);
  const status = () => page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('[role=status]')?.textContent);
  assert.equal(await status(), 'Saved as Markdown');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  // The keyboard alone: arrows along the toolbar to "Copy as Markdown", Enter presses it.
  await page.locator('unboil-reader button[data-value="light"]').focus();
  for (let tries = 0; tries < 30 && (await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.textContent)) !== 'Copy as Markdown'; tries++) {
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('[role=status]')?.textContent === 'Copied as Markdown');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), saved);
  await page.screenshot({ path: join(artifacts, 'extension-share.png') });
  await click(page, false);
});

test('"Print" prints the article alone: no toolbar or page, link addresses after the links, images within the page', async () => {
  const page = await visit('/sections.html');
  await click(page);
  await page.evaluate(() => {
    /** @type {Window & { printed?: number }} */ (window).printed = 0;
    window.addEventListener('beforeprint', () => { /** @type {Window & { printed?: number }} */ (window).printed = 1; });
  });
  await page.locator('unboil-reader button', { hasText: 'Print' }).click();
  await page.waitForFunction(() => /** @type {Window & { printed?: number }} */ (window).printed === 1);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
    const style = (/** @type {Element | null} */ node, pseudo = '') => (node ? getComputedStyle(node, pseudo) : null);
    const img = /** @type {HTMLImageElement} */ (root.querySelector('.body img'));
    const content = /** @type {Element} */ (root.querySelector('.content'));
    return {
      host: style(document.querySelector('unboil-reader'))?.position,
      page: style(document.body)?.display,
      toolbar: style(root.querySelector('.toolbar'))?.display,
      outline: style(root.querySelector('.outline'))?.display,
      color: style(root.querySelector('.body p'))?.color,
      background: style(root.querySelector('.reader'))?.backgroundColor,
      linkAfter: style(root.querySelector('.body a[href^="https://example.org"]'), '::after')?.content,
      imageFits: img.getBoundingClientRect().width <= content.getBoundingClientRect().width && img.getBoundingClientRect().height <= window.innerHeight,
      lastParagraphLaidOut: Math.round(/** @type {Element} */ ([...root.querySelectorAll('.body p')].at(-1)).getBoundingClientRect().height) > 0,
    };
  });
  assert.deepEqual(printed, {
    host: 'static', page: 'none', toolbar: 'none', outline: 'none', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)',
    linkAfter: '" (https://example.org/lights/marrow-point)"', imageFits: true, lastParagraphLaidOut: true,
  });
  await page.screenshot({ path: join(artifacts, 'extension-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await click(page, false);
});

test('Tab and Shift+Tab keep the focus inside the view, arrows move along the toolbar, and closing gives the focus back to the page', async () => {
  const page = await visit('/article.html');
  await page.focus('.share button');
  await click(page);
  const focused = () => page.evaluate(() => {
    const root = document.querySelector('unboil-reader')?.shadowRoot;
    const inside = root?.activeElement;
    return inside ? `view: ${inside.getAttribute('aria-label') ?? inside.textContent?.trim()}` : `page: ${document.activeElement?.textContent?.trim()}`;
  });
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'view: an interview last spring', 'from the dialog back to its last link');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'view: Light', 'from the last link round to the first button');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'view: Sepia', 'arrows move along the toolbar');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'view: Close reader view', 'and wrap around');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('unboil-reader'));
  assert.equal(await focused(), 'page: Copy link');
});

/** The contrast ratio of two CSS rgb() colours (WCAG 2 relative luminance). @param {string} a @param {string} b */
function contrast(a, b) {
  const luminance = (/** @type {string} */ color) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('axe-core finds no violation and every text has 4.5:1 contrast, in each theme', async () => {
  const page = await visit('/article.html');
  await page.addScriptTag({ content: axeSource });
  await click(page);
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.evaluate((t) => /** @type {HTMLElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector(`button[data-value="${t}"]`)).click(), theme);
    await page.screenshot({ path: join(artifacts, `extension-${theme}.png`) });
    const violations = await page.evaluate(async () => {
      /** @type {{ run: typeof import('axe-core').run }} the axe-core script's global `axe` */
      const axe = /** @type {any} */ (window).axe;
      return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `axe violations in the ${theme} theme`);
    const pairs = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
      const background = (/** @type {Element} */ node) => {
        for (let n = /** @type {Element | null} */ (node); n; n = n.parentElement) {
          const color = getComputedStyle(n).backgroundColor;
          if (!/rgba\(.*, 0\)$|transparent/.test(color)) return color;
        }
        return 'rgb(255, 255, 255)';
      };
      return [...root.querySelectorAll('h1, .site, .meta, .body p, .body a, figcaption, blockquote, button:not(:disabled), .notice, .group-label')]
        .map((node) => ({ what: `${node.localName}.${node.className}`, fg: getComputedStyle(node).color, bg: background(node) }));
    });
    assert.ok(pairs.length > 10);
    for (const { what, fg, bg } of pairs) {
      assert.ok(contrast(fg, bg) >= 4.5, `${theme}: ${what} has ${contrast(fg, bg).toFixed(2)}:1 (${fg} on ${bg})`);
    }
  }
  await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('button[data-value="light"]')).click());
  await click(page, false);
});

test('click-to-overlay times, cold (service worker stopped) and warm, on the article and on a 1 MB page', async (t) => {
  for (const path of ['/article.html', '/big.html']) {
    const page = await visit(path);
    const size = await page.evaluate(() => document.documentElement.outerHTML.length);
    const timeClick = async () => {
      const start = Date.now();
      await click(page);
      const ms = Date.now() - start;
      await click(page, false);
      // The page's frame after closing (the page laid out again) is not the next click's time.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
      return ms;
    };
    /** @type {number[]} */
    const cold = [];
    /** @type {number[]} */
    const warm = [];
    for (let i = 0; i < 3; i++) {
      await browser.stopWorker(page);
      cold.push(await timeClick());
      warm.push(await timeClick());
    }
    await click(page);
    await whole(page);
    const shown = await overlay(page);
    await click(page, false);
    assert.equal(shown.title, 'The Lighthouse Keepers of Marrow Point');
    const figures = `${path} (${Math.round(size / 1024)} KB): cold ${cold.join(', ')} ms; warm ${warm.join(', ')} ms`;
    t.diagnostic(figures);
    console.log(`extension click-to-overlay, ${figures}`);
    if (path === '/big.html') {
      assert.ok(size > 1_000_000, `the page has ${size} characters`);
      assert.ok(shown.paragraphs.length > 2000);
    }
  }
});

test('a 1 MB article shows its first screenfuls at once and the rest in idle time; the outline and printing put it all in first', async () => {
  const page = await visit('/big.html');
  /**
   * As soon as the overlay is in the page (a MutationObserver's callback runs before any idle
   * callback), notes what the view holds (paragraphs, aria-busy), does `act` (nothing, follow
   * the outline's last link, or print) and notes it again.
   * @param {'none' | 'outline' | 'print'} act
   */
  const atOnce = (act) => page.evaluate((act) => {
    const global = /** @type {Window & { atOnce?: unknown }} */ (window);
    delete global.atOnce;
    new MutationObserver((_, observer) => {
      const root = document.querySelector('unboil-reader')?.shadowRoot;
      if (!root) return;
      observer.disconnect();
      const held = () => ({ paragraphs: root.querySelectorAll('.body p').length, busy: root.querySelector('.body')?.getAttribute('aria-busy') ?? null });
      const before = held();
      if (act === 'outline') {
        /** @type {HTMLDetailsElement} */ (root.querySelector('details.outline')).open = true;
        /** @type {HTMLElement} */ ([...root.querySelectorAll('.outline a')].at(-1)).click();
      } else if (act === 'print') {
        window.print();
      }
      global.atOnce = { before, after: held() };
    }).observe(document.documentElement, { childList: true });
  }, act);
  const held = () => page.evaluate(() => /** @type {Window & { atOnce?: { before: { paragraphs: number, busy: string | null }, after: { paragraphs: number, busy: string | null } } }} */ (window).atOnce);
  // Shown at once: the first screenfuls; the body is busy until the rest is in.
  await atOnce('none');
  await click(page);
  const first = await held();
  assert.ok(first && first.before.paragraphs > 10 && first.before.paragraphs < 100, `${first?.before.paragraphs} paragraphs at first`);
  assert.equal(first?.before.busy, 'true');
  await whole(page);
  const shown = await overlay(page);
  assert.ok(shown.paragraphs.length > 2000, `${shown.paragraphs.length} paragraphs in the end`);
  const outlineLinks = await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelectorAll('.outline a').length);
  assert.equal(outlineLinks, 561, 'the outline lists every heading, the held-back ones too');
  await click(page, false);
  // Following the outline's last link at once: its heading is put in and focused.
  await atOnce('outline');
  await click(page);
  const followed = await held();
  assert.equal(followed?.after.paragraphs, shown.paragraphs.length);
  assert.equal(followed?.after.busy, null);
  const focused = await page.evaluate(() => document.querySelector('unboil-reader')?.shadowRoot?.activeElement?.textContent);
  assert.equal(focused, 'Part 560');
  await click(page, false);
  // Printing at once prints the whole article.
  await atOnce('print');
  await click(page);
  const printed = await held();
  assert.equal(printed?.after.paragraphs, shown.paragraphs.length);
  assert.equal(printed?.after.busy, null);
  await click(page, false);
});

test('the store zips hold exactly the built files of each variant, and building again gives the same bytes', () => {
  const again = buildExtension(mkdtempSync(join(tmpdir(), 'unboil-extension-')));
  for (const variant of /** @type {const} */ (['chromium', 'firefox'])) {
    const [dir, file] = [built[variant], built[`${variant}Zip`]];
    const entries = unzipSync(readFileSync(file));
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1)).sort();
    assert.deepEqual(Object.keys(entries), files);
    for (const name of files) assert.ok(Buffer.from(entries[name]).equals(readFileSync(join(dir, name))), `${name} differs in ${file}`);
    assert.ok(files.includes('pkg/unboil_bg.wasm') && files.includes('icons/128.png'));
    assert.ok(readFileSync(file).equals(readFileSync(again[`${variant}Zip`])), `${file} is not reproducible`);
  }
  rmSync(dirname(again.chromium), { recursive: true });
});

test("the manifest's icons are PNGs of the sizes it names", () => {
  const manifest = JSON.parse(readFileSync(join(built.chromium, 'manifest.json'), 'utf8'));
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    assert.deepEqual(Object.keys(icons), ['16', '32', '48', '128']);
    for (const [size, path] of Object.entries(icons)) {
      const png = readFileSync(join(built.chromium, path));
      assert.equal(png.toString('latin1', 1, 4), 'PNG', path);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], path); // IHDR width, height
    }
  }
});

test('the Firefox variant has a background script and a gecko id, and web-ext lint passes it', () => {
  const manifest = JSON.parse(readFileSync(join(built.firefox, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.background, { type: 'module', scripts: ['background.js'] });
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  const lint = spawnSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', built.firefox, '--output', 'json'], { encoding: 'utf8' });
  assert.equal(lint.status, 0, lint.stderr);
  const report = JSON.parse(lint.stdout);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.warnings, []);
});
