#!/usr/bin/env node
// Click to overlay: the reader-mode extension (built by scripts/build-extension.mjs into a
// temporary folder) in headless Chromium, its toolbar button clicked the way a user does (CDP
// Extensions.triggerAction, tests/browser/harness.mjs) on the extension test's typical article
// (tests/browser/pages/article.html) and on its 1 MB page (/big.html of reader-pages.mjs).
// Each round stops the service worker, clicks (cold: the worker starts and compiles the
// WebAssembly), closes the view, clicks again (warm) and closes it. Two times per click, from
// the click, in the page's clock:
//   shown: the overlay is in the page (seen from a requestAnimationFrame poll, as the extension
//          test waits for it);
//   drawn: the first frame with the overlay has been rendered (style, layout and paint of the
//          view: a message posted from that frame's requestAnimationFrame callback arrives
//          after them).
// Prints the median and range per page, kind and time. Runs on its own (`node
// bench/click-speed.mjs [--rounds N]`) and first in `npm run bench:browser`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from '../scripts/build-extension.mjs';
import { launchWithExtension, serve } from '../tests/browser/harness.mjs';
import { pages, routes } from '../tests/browser/reader-pages.mjs';

/** The pages clicked: the typical article and the 1 MB one. */
const PAGES = ['/article.html', '/big.html'];

/**
 * Runs in the page: waits (polling each frame) until the overlay is in the page, then until
 * that frame is rendered; resolves to both times (performance.now()).
 * @returns {Promise<{ shown: number, drawn: number }>}
 */
function waitForOverlay() {
  return new Promise((resolve) => {
    const poll = () => {
      if (!document.querySelector('unboil-reader')) {
        requestAnimationFrame(poll);
        return;
      }
      const shown = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ shown, drawn: performance.now() });
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(poll);
  });
}

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Clicks the extension on each page `rounds` times cold and warm; resolves to the lines to print.
 * @param {number} rounds
 */
export async function clickTimes(rounds = 5) {
  const dist = mkdtempSync(join(tmpdir(), 'unboil-click-'));
  const server = await serve(pages, routes);
  const browser = await launchWithExtension(buildExtension(dist).chromium);
  const { page } = browser;
  /** Clicks and waits until the view is open; resolves to the shown and drawn times in ms. */
  const open = async () => {
    const start = await page.evaluate(() => performance.now());
    const waiting = page.evaluate(waitForOverlay);
    await browser.click(page);
    const { shown, drawn } = await waiting;
    return { shown: shown - start, drawn: drawn - start };
  };
  const close = async () => {
    await browser.click(page);
    await page.waitForFunction(() => !document.querySelector('unboil-reader'), null, { polling: 'raf' });
  };
  const lines = [];
  try {
    // The first click in a fresh Chromium is now and then refused (activeTab not granted yet,
    // see the extension test): one untimed click, clicked again if nothing opened.
    await page.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
    await browser.click(page);
    const opened = await page.waitForFunction(() => Boolean(document.querySelector('unboil-reader')), null, { timeout: 5000 }).then(() => true, () => false);
    if (!opened) await open();
    await close();
    for (const path of PAGES) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      const size = await page.evaluate(() => document.documentElement.outerHTML.length);
      /** @type {Record<'cold' | 'warm', { shown: number, drawn: number }[]>} */
      const times = { cold: [], warm: [] };
      for (let i = 0; i < rounds; i++) {
        await browser.stopWorker(page);
        times.cold.push(await open());
        await close();
        times.warm.push(await open());
        await close();
      }
      for (const kind of /** @type {const} */ (['cold', 'warm'])) {
        const figures = /** @type {const} */ (['shown', 'drawn']).map((what) => {
          const ms = times[kind].map((t) => t[what]);
          return `${what} ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})`;
        });
        lines.push(`${`${path} (${Math.round(size / 1024)} KB) ${kind}`.padEnd(30)} ${figures.join('   ')}`);
      }
    }
    lines.unshift(`click to overlay, extension in Chromium ${browser.context.browser()?.version() ?? ''}, median (range) of ${rounds} ${rounds === 1 ? 'click' : 'clicks'}:`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--rounds');
  for (const line of await clickTimes(at > 0 ? Number(process.argv[at + 1]) : undefined)) console.log(line);
}
