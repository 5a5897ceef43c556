// The browser test harness: a static file server on 127.0.0.1 (`.wasm` served as
// application/wasm) and Chromium driven by playwright-core, headless, with a fresh
// user-data-dir: `$CHROME_PATH`, else Debian's /usr/bin/chromium (Playwright's own browser
// download does not work here). Firefox (`$FIREFOX_PATH`, else Debian's Firefox ESR), when
// installed, is driven over WebDriver BiDi (launchFirefox).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The Chromium (or Chrome) binary the tests drive. */
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
/** The Firefox binary of firefox.test.mjs (the tests need version 140 or later). */
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** @typedef {Awaited<ReturnType<typeof serve>>} Server */
/** @typedef {Awaited<ReturnType<typeof launch>>} Browser */
/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} ExtensionBrowser */
/** @typedef {Awaited<ReturnType<typeof launchFirefox>>} Firefox */

/**
 * A page made on the fly: its content type, body and extra response headers.
 * @typedef {() => [string, string | Buffer, Record<string, string>?] | Promise<[string, string | Buffer, Record<string, string>?]>} Route
 */

/**
 * Serves the files under `root` (`index.html` for a directory) on a free port of 127.0.0.1;
 * `routes` maps a path to a function giving [content type, body, headers?] for pages made on the fly.
 * Resolves to { origin, close() }.
 * @param {string} root
 * @param {Record<string, Route>} [routes]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serve(root, routes = {}) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const path = pathname.endsWith('/') && !routes[pathname] ? `${pathname}index.html` : pathname;
    try {
      const [type, body, headers = {}] = routes[path]
        ? await routes[path]()
        : [TYPES[extname(path)] ?? 'application/octet-stream', await readFile(join(root, normalize(path)))];
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Starts Chromium with a fresh profile (and `args` added to FLAGS); resolves to { context, page, close() }.
 * @param {string[]} [args]
 */
export async function launch(args = []) {
  const profile = mkdtempSync(join(tmpdir(), 'unboil-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: false, args: [...FLAGS, ...args] });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Chromium with the unpacked extension in `dir` loaded (and no other); resolves to
 * launch()'s { context, page, close() } plus the extension's `id`, its first service `worker`,
 * a browser CDP session `cdp`, `click(page)`, which clicks the extension's toolbar button for
 * that page the way a user does (CDP Extensions.triggerAction: action.onClicked fires and
 * activeTab is granted), and `stopWorker(page)`, which stops the extension's service worker
 * as Chrome does when it is idle.
 * @param {string} dir
 */
export async function launchWithExtension(dir) {
  const browser = await launch(['--enable-unsafe-extension-debugging', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`]);
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const cdp = await /** @type {import('playwright-core').Browser} */ (browser.context.browser()).newBrowserCDPSession();
  /** @param {import('playwright-core').Page} page */
  const click = async (page) => {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id, targetId: tab.targetId });
  };
  /** @param {import('playwright-core').Page} page */
  const stopWorker = async (page) => {
    const session = await browser.context.newCDPSession(page);
    const stopped = new Promise((done) => session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${id}/`) && v.runningStatus === 'stopped')) done(undefined);
    }));
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await session.detach();
  };
  return { ...browser, id, worker, cdp, click, stopWorker };
}

/**
 * Starts Firefox headless with a fresh profile and the extension in `dir` installed as a
 * temporary add-on, driven over WebDriver BiDi. Resolves to { evaluate(expression) (its JSON
 * value in the tab's page, promises awaited), navigate(url), screenshot(path), close() }.
 * @param {string} dir
 */
export async function launchFirefox(dir) {
  const profile = mkdtempSync(join(tmpdir(), 'unboil-firefox-'));
  const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  /** @type {string} */
  const address = await new Promise((found, failed) => {
    /** @type {string | null} */
    let output = '';
    firefox.stderr.on('data', (chunk) => {
      if (output === null) return; // found: the rest of the log is drained and dropped
      output += chunk;
      const match = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) {
        output = null;
        found(match[1]);
      }
    });
    firefox.on('exit', (code) => failed(new Error(`firefox exited with ${code}: ${output}`)));
  });
  const socket = new WebSocket(`${address}/session`);
  await new Promise((open, failed) => socket.once('open', () => open(undefined)).once('error', failed));
  /** @type {Map<number, (message: any) => void>} a WebDriver BiDi reply, by command id */
  const pending = new Map();
  let last = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  /**
   * Sends a WebDriver BiDi command; resolves to its result.
   * @param {string} method
   * @param {object} [params]
   * @returns {Promise<any>}
   */
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++last;
    pending.set(id, (m) => (m.type === 'error' ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result)));
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: dir } });
  const { contexts: [{ context }] } = await send('browsingContext.getTree');
  return {
    /** @param {string} expression */
    evaluate: async (expression) => {
      const wrapped = `(async () => JSON.stringify(await (${expression})))()`;
      const { result, exceptionDetails } = await send('script.evaluate', { expression: wrapped, target: { context }, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.type === 'string' ? JSON.parse(result.value) : undefined;
    },
    navigate: (/** @type {string} */ url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    screenshot: async (/** @type {string} */ path) => writeFileSync(path, Buffer.from((await send('browsingContext.captureScreenshot', { context })).data, 'base64')),
    close: async () => {
      socket.close();
      firefox.kill();
      await new Promise((done) => (firefox.exitCode === null ? firefox.once('exit', done) : done(undefined)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
