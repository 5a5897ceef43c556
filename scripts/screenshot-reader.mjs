#!/usr/bin/env node
// Renders the README's picture of the reader view, docs/reader-view.png: builds the extension,
// loads it in Chromium (tests/browser/harness.mjs), opens the fixture article of
// tests/browser/pages/, clicks the toolbar button and saves the view, in the sepia theme, at
// 1100 × 760. Usage: node scripts/screenshot-reader.mjs (after npm run build).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './build-extension.mjs';
import { launchWithExtension, serve } from '../tests/browser/harness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'docs/reader-view.png');

const built = buildExtension();
const server = await serve(join(root, 'tests/browser/pages'));
const browser = await launchWithExtension(built.chromium);
try {
  const { page } = browser;
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
  await browser.click(page);
  await page.waitForFunction(() => document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body img'));
  await page.evaluate(() => /** @type {HTMLImageElement} */ (document.querySelector('unboil-reader')?.shadowRoot?.querySelector('.body img')).decode());
  await page.locator('unboil-reader button[data-value="sepia"]').click();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
