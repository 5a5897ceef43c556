// Accessibility check for the browser tests: injects axe-core into the page and runs it.
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (every rule of its default set) on the page's own document and resolves to
 * its violations as short strings (rule, impact, first offending nodes). Frames are left
 * out: the pages under test only frame other people's pages.
 * @param {import('playwright-core').Page | import('playwright-core').Frame} page
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    /** @type {{ run: typeof import('axe-core').run }} the axe-core script's global `axe` */
    const axe = /** @type {any} */ (window).axe;
    return (await axe.run(document, { iframes: false })).violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
