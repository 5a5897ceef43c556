// The demo page (www/demo/, served by scripts/serve.mjs as `npm run demo` does) in Chromium:
// every bundled sample cleans exactly as in Node, pasted HTML and a saved file clean too, the
// original page stays in a script-less sandbox, the format tabs work from the keyboard, and
// axe-core finds no accessibility violation. Saves test-artifacts/demo.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { cleanArticle } from '../../js/node.js';
import { root } from '../node/helpers.mjs';
import { serveSite } from '../../scripts/serve.mjs';
import { SAMPLES } from '../../www/demo/samples.js';
import { axeViolations } from './a11y.mjs';
import { launch } from './harness.mjs';

/** @type {Awaited<ReturnType<typeof serveSite>>} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string[]} */
const errors = [];

before(async () => {
  server = await serveSite();
  browser = await launch();
  page = browser.page;
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${server.origin}/demo/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Status and headers of a GET of the raw `path` (not normalized as fetch() would).
 * @param {string} path
 * @returns {Promise<{ status?: number, cors?: string | string[], type?: string }>}
 */
const raw = (path) => new Promise((done, failed) => {
  get(`${server.origin}${path}`, (response) => {
    response.resume();
    done({ status: response.statusCode, cors: response.headers['access-control-allow-origin'], type: response.headers['content-type'] });
  }).on('error', failed);
});

/** What the demo shows once it has cleaned a page. */
async function shown() {
  await page.waitForFunction(() => /^Cleaned in \d+\.\d ms\./.test(document.getElementById('status')?.textContent ?? ''));
  return page.evaluate(() => {
    const text = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id)).textContent ?? '';
    const original = /** @type {HTMLIFrameElement} */ (document.getElementById('original'));
    return {
      meta: Object.fromEntries([...document.querySelectorAll('#meta div')].map((d) => [d.firstChild?.textContent, d.lastChild?.textContent])),
      rendered: text('panel-html'),
      text: text('out-text'),
      markdown: text('out-markdown'),
      status: text('status'),
      srcdoc: original.srcdoc,
      sandbox: original.getAttribute('sandbox'),
    };
  });
}

const clearStatus = () => page.evaluate(() => { /** @type {HTMLElement} */ (document.getElementById('status')).textContent = ''; });

for (const sample of SAMPLES) {
  test(`the demo cleans the sample ${sample.file} as Node does`, async () => {
    const expected = cleanArticle(readFileSync(join(root, 'samples', sample.file)), { url: sample.url });
    await clearStatus();
    await page.selectOption('#sample', sample.file);
    const out = await shown();
    assert.ok(expected.title && expected.wordCount > 150, 'the sample is a real article');
    assert.equal(out.meta.Title, expected.title);
    assert.equal(out.meta.Byline, expected.byline);
    assert.equal(out.meta.Length, `${expected.wordCount} words, ${expected.readingMinutes} min read`);
    assert.ok(out.rendered.startsWith(expected.title), 'the rendered article starts with its title');
    assert.ok(out.rendered.includes(expected.text.split('\n')[0].slice(0, 60)), 'the first paragraph is rendered');
    assert.equal(out.text, expected.text);
    assert.equal(out.markdown, expected.markdown);
    assert.equal(out.sandbox, '');
    assert.ok(out.srcdoc.includes(readFileSync(join(root, 'samples', sample.file), 'utf8')), 'the original is the whole sample');
  });
}

test('boilerplate of the German sample (share, print, related, newsletter, footer) is not in the output', async () => {
  await clearStatus();
  await page.selectOption('#sample', 'stadtbad-sanierung.html');
  const out = await shown();
  assert.match(out.text, /Das Gebäude aus dem Jahr 1912/);
  for (const junk of ['Artikel teilen', 'Drucken', 'Mehr zum Thema', 'Newsletter', 'Impressum', 'Cookies', 'Leserbrief']) {
    assert.ok(!out.rendered.includes(junk) && !out.text.includes(junk), `no "${junk}"`);
  }
});

test('pasted HTML cleans with the button, and its scripts never run in the sandboxed original', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Pasted story</title></head><body>
    <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
    <script>document.documentElement.dataset.ran = 'yes'; parent.document.title = 'hijacked';</script>
    <article><h1>Pasted story</h1>${'<p>The lighthouse keeper counted the ships that passed the headland each evening, and wrote their names, flags and cargo in a worn blue notebook.</p>'.repeat(6)}</article>
    <footer>Copyright footer text</footer></body></html>`;
  await page.selectOption('#sample', '');
  await page.fill('#url', '');
  await page.fill('#html', html);
  await clearStatus();
  await page.focus('#clean');
  await page.keyboard.press('Enter');
  const out = await shown();
  assert.equal(out.meta.Title, 'Pasted story');
  assert.match(out.text, /^The lighthouse keeper counted/);
  assert.doesNotMatch(out.text, /About us|Copyright/);
  const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
  assert.ok(frame, 'the original is shown in a frame');
  await frame.waitForFunction(() => document.querySelector('h1')?.textContent === 'Pasted story');
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.ran ?? 'no'), 'no');
  assert.notEqual(await page.title(), 'hijacked');
});

test('a page that is no article cleans to an empty one, and the status says so', async () => {
  await page.selectOption('#sample', '');
  await page.fill('#html', '<ul><li><a href="/a">Home</a></li><li><a href="/b">Contact</a></li></ul>');
  await clearStatus();
  await page.click('#clean');
  const out = await shown();
  assert.match(out.status, /^Cleaned in \d+\.\d ms\. This page does not look like an article\.$/);
  assert.equal(out.meta.Readerable, 'no');
});

test('a saved page from the file picker cleans in its own charset (windows-1252)', async () => {
  const bytes = Buffer.from(`<!doctype html><html><head><meta charset="windows-1252"><title>Caf\xe9 cr\xe8me</title></head><body>
    <article><h1>Caf\xe9 cr\xe8me</h1>${'<p>Le caf\xe9 du coin sert une cr\xe8me \xe9paisse depuis quarante ans, et les habitu\xe9s y viennent chaque matin avant le march\xe9.</p>'.repeat(5)}</article></body></html>`, 'latin1');
  await clearStatus();
  await page.setInputFiles('#file', { name: 'cafe.html', mimeType: 'text/html', buffer: bytes });
  const out = await shown();
  assert.equal(out.meta.Title, 'Café crème');
  assert.match(out.text, /^Le café du coin sert une crème épaisse/);
});

test('the format tabs switch with the arrow keys, Home and End', async () => {
  const visible = () => page.evaluate(() => [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !(/** @type {HTMLElement} */ (p).hidden)).map((p) => p.id));
  await page.focus('#tab-html');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await visible(), ['panel-text']);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-text');
  await page.keyboard.press('End');
  assert.deepEqual(await visible(), ['panel-markdown']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await visible(), ['panel-html']);
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await visible(), ['panel-markdown']);
  await page.keyboard.press('Home');
  assert.deepEqual(await visible(), ['panel-html']);
  assert.equal(await page.getAttribute('#tab-html', 'aria-selected'), 'true');
  assert.equal(await page.getAttribute('#tab-text', 'aria-selected'), 'false');
});

test('the demo server serves its folders, with CORS, and nothing outside them', async () => {
  assert.deepEqual(await raw('/pkg/unboil_bg.wasm'), { status: 200, cors: '*', type: 'application/wasm' });
  assert.equal((await raw('/samples/olive-harvest.html')).status, 200);
  assert.equal((await raw('/')).status, 302);
  for (const path of ['/%2e%2e/package.json', '/js/%2e%2e/package.json', '/samples/..%2f..%2fpackage.json', '/%2fetc%2fpasswd']) {
    assert.equal((await raw(path)).status, 404, path);
  }
});

test('axe-core finds no accessibility violations on the demo page, and no page errors happened', async () => {
  await clearStatus();
  await page.selectOption('#sample', 'olive-harvest.html');
  await shown();
  assert.deepEqual(await axeViolations(page), []);
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-artifacts/demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
