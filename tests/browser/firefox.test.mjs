// The Firefox variant of the extension in Debian's Firefox ESR (skipped when it is not
// installed), driven over WebDriver BiDi. Nothing can click a toolbar button from WebDriver, so
// the test installs a copy of dist/extension-firefox with a test trigger added: host permission
// for 127.0.0.1, a content script that forwards `postMessage('unboil-test-toggle')` from the
// page, and a listener in the background that calls the same toggleReader the button calls
// (or, for `postMessage('unboil-test-commands')`, posts commands.getAll() back to the page).
// Everything else is the built extension: the WebAssembly in the background script, the
// overlay injected by scripting.executeScript, the settings in storage.local. Checks the
// granted shortcut, the article, a strict-CSP page, closing, settings, right-to-left and
// non-article pages, the outline, "Show anyway", "Load next page" on a three-page article
// (fetched in the tab, cleaned in the background script) and the Read aloud controls.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension } from '../../scripts/build-extension.mjs';
import { root } from '../node/helpers.mjs';
import { FIREFOX, launchFirefox, serve } from './harness.mjs';
import { BOILERPLATE, MULTI_BOILERPLATE, MULTI_PAGES, pages, readOverlay, readPages, routes } from './reader-pages.mjs';

const skip = !existsSync(FIREFOX) && `${FIREFOX} is not installed`;
const scratch = mkdtempSync(join(tmpdir(), 'unboil-firefox-ext-'));
/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Firefox} */
let firefox;

/** Adds the test trigger to a built Firefox variant in `dir`. @param {string} dir */
function addTestTrigger(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-trigger.js'], run_at: 'document_start' }];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'test-trigger.js'), `window.addEventListener('message', (event) => {
  if (event.data === 'unboil-test-toggle') browser.runtime.sendMessage('toggle');
  if (event.data === 'unboil-test-commands') {
    browser.runtime.sendMessage('commands').then((commands) => window.postMessage(\`unboil-test-commands:\${JSON.stringify(commands)}\`, '*'));
  }
});
`);
  appendFileSync(join(dir, 'background.js'),
    "\nbrowser.runtime.onMessage.addListener((message, sender) => (message === 'commands' ? browser.commands.getAll() : message === 'toggle' ? void toggleReader(sender.tab) : undefined));\n");
}

before(async () => {
  if (skip) return;
  const { firefox: dir } = buildExtension(scratch);
  addTestTrigger(dir);
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  server = await serve(pages, routes);
  firefox = await launchFirefox(dir);
});

after(async () => {
  await firefox?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Opens `path` of the test server in the tab. @param {string} path */
async function visit(path) {
  await firefox.navigate(`${server.origin}${path}`);
}

/** Toggles the reader view as the button does and waits until it is open (or closed). */
async function toggle(open = true) {
  await firefox.evaluate("window.postMessage('unboil-test-toggle', '*')");
  for (let tries = 0; tries < 100; tries++) {
    if ((await firefox.evaluate("Boolean(document.querySelector('unboil-reader'))")) === open) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the reader view did not ${open ? 'open' : 'close'}`);
}

const overlay = () => firefox.evaluate(`(${readOverlay})()`);
const press = (/** @type {string} */ selector) => firefox.evaluate(`document.querySelector('unboil-reader').shadowRoot.querySelector('${selector}').click()`);

test('Firefox grants the shortcut Alt+Shift+U', { skip }, async () => {
  await visit('/article.html');
  const commands = await firefox.evaluate(`new Promise((done) => {
    const prefix = 'unboil-test-commands:';
    addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith(prefix)) done(JSON.parse(e.data.slice(prefix.length))); });
    postMessage('unboil-test-commands', '*');
  })`);
  assert.deepEqual(commands.map((/** @type {{ name: string, shortcut: string }} */ { name, shortcut }) => ({ name, shortcut })), [{ name: '_execute_action', shortcut: 'Alt+Shift+U' }]);
});

test('Firefox: an article shows in the styled reader view without its boilerplate', { skip }, async () => {
  await visit('/article.html');
  await toggle();
  const shown = await overlay();
  assert.equal(shown.title, 'The Lighthouse Keepers of Marrow Point');
  assert.match(shown.paragraphs[0], /^For ninety-one years the lamp at Marrow Point/);
  for (const junk of BOILERPLATE) assert.ok(!shown.body.includes(junk), `boilerplate "${junk}" left in the reader view`);
  assert.equal(shown.position, 'fixed');
  assert.equal(shown.background, 'rgb(255, 255, 255)');
  assert.ok(shown.focused);
  await toggle(false);
});

test('Firefox: on a strict-CSP page the overlay is styled, with no CSP violation', { skip }, async () => {
  await visit('/strict.html');
  await firefox.evaluate("(window.violations = [], document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective)), 0)");
  await toggle();
  const shown = await overlay();
  assert.equal(shown.title, 'The Lighthouse Keepers of Marrow Point');
  assert.equal(shown.position, 'fixed', 'the overlay stylesheet applies');
  assert.equal(shown.background, 'rgb(255, 255, 255)');
  assert.deepEqual(await firefox.evaluate('window.violations'), []);
  await firefox.screenshot(join(root, 'test-artifacts/firefox-strict-csp.png'));
  await toggle(false);
});

test('Firefox: closing restores the page exactly', { skip }, async () => {
  await visit('/article.html');
  const state = () => firefox.evaluate('({ html: document.documentElement.outerHTML, y: scrollY, overflow: getComputedStyle(document.documentElement).overflowY })');
  await firefox.evaluate('(scrollTo(0, 300), 0)');
  const before = await state();
  await toggle();
  // The page is locked once the view is drawn.
  await firefox.evaluate(`(async () => {
    for (let i = 0; i < 100 && getComputedStyle(document.documentElement).overflowY !== 'hidden'; i++) await new Promise((done) => setTimeout(done, 20));
    return 0;
  })()`);
  assert.equal((await state()).overflow, 'hidden');
  await toggle(false);
  assert.deepEqual(await state(), before);
});

test('Firefox: the theme survives a reload; right-to-left and non-article pages', { skip }, async () => {
  await visit('/article.html');
  await toggle();
  await press('button[data-value="sepia"]');
  await visit('/article.html');
  await toggle();
  assert.equal((await overlay()).theme, 'sepia');
  await press('button[data-value="light"]');
  await toggle(false);
  await visit('/rtl.html');
  await toggle();
  const rtl = await overlay();
  assert.deepEqual([rtl.lang, rtl.dir, rtl.direction], ['ar', 'rtl', 'rtl']);
  await toggle(false);
  await visit('/listing.html');
  await toggle();
  assert.match((await overlay()).notice, /does not look like an article/);
  await toggle(false);
});

test('Firefox: the outline scrolls the view, typography is remembered, "Show anyway" shows a non-article', { skip }, async () => {
  await visit('/sections.html');
  await toggle();
  const view = (/** @type {string} */ expression) => firefox.evaluate(`((root) => ${expression})(document.querySelector('unboil-reader').shadowRoot)`);
  await press('details.outline summary');
  await view("[...root.querySelectorAll('.outline a')].find((a) => a.textContent === 'Part 2').click()");
  assert.deepEqual(await view("({ focused: root.activeElement?.textContent, scrolled: root.querySelector('.reader').scrollTop > 500, pageY: scrollY })"),
    { focused: 'Part 2', scrolled: true, pageY: 0 });
  await press('button[data-step="lineHeight-up"]');
  await press('button[data-value="justify"]');
  await press('button[data-value="hide"]');
  await visit('/sections.html');
  await toggle();
  const look = () => view("({ lineHeight: getComputedStyle(root.querySelector('.body p')).lineHeight, align: getComputedStyle(root.querySelector('.body p')).textAlign, image: getComputedStyle(root.querySelector('.body img')).display })");
  assert.deepEqual(await look(), { lineHeight: '36px', align: 'justify', image: 'none' });
  await press('button[data-step="lineHeight-down"]');
  await press('button[data-value="start"]');
  await press('button[data-value="show"]');
  assert.deepEqual(await look(), { lineHeight: '33px', align: 'start', image: 'inline' });
  await toggle(false);
  await visit('/listing.html');
  await toggle();
  await press('.notice button.show-anyway');
  const shown = await overlay();
  assert.equal(shown.title, 'All sections | Coastline Weekly');
  assert.match(shown.body, /Harbour walls to be repaired before winter/);
  await firefox.screenshot(join(root, 'test-artifacts/firefox-show-anyway.png'));
  await toggle(false);
});

test('Firefox: "Load next page" appends pages 2 and 3, cleaned in the background script, and the Read aloud controls are there', { skip }, async () => {
  await visit('/multi-1.html');
  await toggle();
  for (const count of [1, 2]) {
    await press('button.load-next');
    for (let tries = 0; tries < 100 && (await firefox.evaluate("document.querySelector('unboil-reader').shadowRoot.querySelectorAll('section.page').length")) !== count; tries++) {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  const shown = await firefox.evaluate(`(${readPages})()`);
  assert.deepEqual(shown.pages.map((/** @type {{ label: string, paragraphs: string[] }} */ p) => [p.label, p.paragraphs.length]), [['Page 1', 4], ['Page 2', 4], ['Page 3', 4]]);
  shown.pages.forEach((/** @type {{ paragraphs: string[] }} */ p, /** @type {number} */ i) => assert.match(p.paragraphs[0], new RegExp(`^${MULTI_PAGES[i]}`)));
  assert.equal(shown.button, null);
  for (const junk of MULTI_BOILERPLATE) assert.ok(!shown.text.includes(junk), `no "${junk}"`);
  const controls = await firefox.evaluate("[...document.querySelector('unboil-reader').shadowRoot.querySelectorAll('[aria-label=\"Read aloud\"] button')].map((b) => b.textContent)");
  assert.deepEqual(controls, ['Read aloud', 'Stop', '−', '+']);
  await firefox.screenshot(join(root, 'test-artifacts/firefox-next-page.png'));
  await toggle(false);
});
