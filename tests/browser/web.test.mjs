// The package's web build inside Chromium: `init()` fetches the module next to the JS (served
// as application/wasm), pages clean on the main thread, in a module Web Worker and in a module
// Service Worker with the same results as in Node, and the README's web-app example runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../js/node.js';
import { root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';

const fixtures = join(root, 'tests/fixtures');
const pages = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ path: `/tests/fixtures/${f}`, url: JSON.parse(readFileSync(join(fixtures, f.replace(/\.html$/, '.expected.json')), 'utf8')).url }));
const inNode = () => pages.map(({ path, url }) => cleanArticle(readFileSync(join(root, path)), { url }));

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const webExample = readme.match(/^### Web app\n+```js\n([\s\S]*?)```/m)?.[1];
if (!webExample) throw new Error('README.md has no web-app example');
/** @param {string} body @returns {import('./harness.mjs').Route} */
const html = (body) => () => ['text/html; charset=utf-8', body];
/** @type {Record<string, import('./harness.mjs').Route>} */
const routes = {
  '/': html('<!doctype html><link rel="icon" href="data:,"><title>unboil browser tests</title>'),
  '/worker.js': () => ['text/javascript', `import { init, cleanArticle } from '/js/web.js';
self.onmessage = async ({ data }) => {
  await init();
  postMessage(data.map(({ bytes, url }) => cleanArticle(new Uint8Array(bytes), { url })));
};`],
  '/sw.js': () => ['text/javascript', `import { init, cleanArticle } from '/js/web.js';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const asked = new URL(event.request.url);
  if (asked.pathname !== '/clean') return;
  event.respondWith((async () => {
    await init();
    const page = new Uint8Array(await (await fetch(asked.searchParams.get('path'))).arrayBuffer());
    return Response.json(cleanArticle(page, { url: asked.searchParams.get('url') }));
  })());
});`],
  '/readme-example.html': html(readFileSync(join(root, 'samples/harbor-ferries.html'), 'utf8').replace('</head>',
    `<script type="importmap">{ "imports": { "unboil": "/js/web.js" } }</script>\n<script type="module">\n${webExample}</script>\n</head>`)),
};

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;
/** @type {string[]} */
const messages = [];

before(async () => {
  server = await serve(root, routes);
  browser = await launch();
  browser.page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  browser.page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the web build cleans every fixture page in Chromium exactly as in Node', async () => {
  await browser.page.goto(`${server.origin}/`);
  const articles = await browser.page.evaluate(async (list) => {
    const entry = '/js/web.js'; // the test server's path, not a file here
    /** @type {typeof import('../../js/web.js')} */
    const { default: init, cleanArticle } = await import(entry);
    await init();
    const bytes = await Promise.all(list.map(async ({ path }) => new Uint8Array(await (await fetch(path)).arrayBuffer())));
    return list.map(({ url }, i) => cleanArticle(bytes[i], { url }));
  }, pages);
  assert.equal(articles.length, pages.length);
  assert.deepEqual(articles, inNode());
  assert.deepEqual(messages, [], 'no console warnings (a wrong MIME type makes the glue warn)');
});

test('a module Web Worker cleans pages alike', async () => {
  await browser.page.goto(`${server.origin}/`);
  const some = pages.slice(0, 6);
  const articles = await browser.page.evaluate(async (list) => {
    const bytes = await Promise.all(list.map(async ({ path }) => (await fetch(path)).arrayBuffer()));
    const worker = new Worker('/worker.js', { type: 'module' });
    const result = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => resolve(data);
      worker.onerror = (e) => reject(new Error(e.message));
    });
    worker.postMessage(list.map(({ url }, i) => ({ bytes: bytes[i], url })));
    return result;
  }, some);
  assert.deepEqual(articles, inNode().slice(0, some.length));
});

test('a module Service Worker cleans pages alike', async () => {
  await browser.page.goto(`${server.origin}/`);
  const some = pages.slice(6, 10);
  const articles = await browser.page.evaluate(async (list) => {
    await navigator.serviceWorker.register('/sw.js', { type: 'module' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((claimed) => navigator.serviceWorker.addEventListener('controllerchange', () => claimed(undefined)));
    return Promise.all(list.map(async ({ path, url }) => (await fetch(`/clean?${new URLSearchParams({ path, url })}`)).json()));
  }, some);
  assert.deepEqual(articles, inNode().slice(6, 10));
});

test("the README's web-app example replaces the page with the article", async () => {
  await browser.page.goto(`${server.origin}/readme-example.html`);
  await browser.page.waitForFunction(() => !document.querySelector('nav'));
  const body = await browser.page.evaluate(() => ({ text: document.body.textContent, junk: document.body.querySelectorAll('nav, footer, script, header').length }));
  assert.match(body.text, /regional port authority voted unanimously/);
  assert.equal(body.junk, 0);
});
