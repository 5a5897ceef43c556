// The extension's service worker. The toolbar button and Alt+Shift+U (the `_execute_action`
// command; Chromium on Linux keeps Alt+Shift+R for itself) call toggleReader: it runs
// toggleInTab in the tab through chrome.scripting, which closes the reader view, or reads the
// tab's HTML, sends it here to be cleaned with unboil's WebAssembly (a runtime message; content
// scripts cannot run WASM on pages whose CSP forbids it) and shows the article with the shared
// overlay (overlay.js, a classic-script bundle of www/overlay/). Settings live in
// chrome.storage.local. The page and the article travel as runtime messages, not as
// executeScript arguments, which Chromium writes into the injected script's source as JSON.
// Only the HTML is made on the click: the Markdown ("Save as Markdown", "Copy as Markdown") is
// cleaned from the same HTML when asked for. For an article in parts the view offers "Load
// next page": the tab fetches that page from its own origin and sends it here to be cleaned, like the first.
import init, { cleanArticle } from './pkg/unboil.js';

/** @typedef {import('../../js/unboil.js').Article} Article */
/**
 * The overlay's API as overlay.js defines it in the tab (www/overlay/global.js).
 * @typedef {typeof globalThis & { __unboilOverlay: typeof import('../overlay/overlay.js') }} TabGlobal
 */

// Loading starts when the worker starts, so a click after the worker was stopped waits for
// the page's HTML and the module at the same time.
const ready = init();
ready.catch(() => {}); // the failure is reported when a click awaits it

/**
 * A page to clean, as the tab sends it: its HTML and address, whether it was marked with
 * rendered hints (only the page shown in the tab is), and whether the Markdown is wanted
 * instead of the HTML.
 * @typedef {{ unboil: 'clean', html: string, url: string, renderedHints?: boolean, markdown?: boolean }} CleanRequest
 */

/**
 * Opens the reader view in `tab` or closes it; resolves to 'opened' or 'closed'.
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<'opened' | 'closed'>}
 */
async function toggleReader(tab) {
  if (tab.id === undefined) throw new Error('the tab has no id');
  const target = { tabId: tab.id };
  await chrome.scripting.executeScript({ target, files: ['overlay.js'] });
  const [{ result }] = await chrome.scripting.executeScript({ target, func: toggleInTab });
  if (result !== 'opened' && result !== 'closed') throw new Error('the page could not be read');
  return result;
}

/**
 * Runs in the tab: closes an open overlay ('closed'), or reads the page's HTML with what the
 * browser does not show or what covers the page marked (readRendered), has the service worker
 * clean it, and opens the overlay with the saved settings ('opened').
 * @returns {Promise<'opened' | 'closed'>}
 */
async function toggleInTab() {
  const overlay = /** @type {TabGlobal} */ (globalThis).__unboilOverlay;
  if (overlay.closeReader(document)) return 'closed';
  const page = { html: overlay.readRendered(document), url: document.URL };
  /**
   * Has the service worker clean a page (CleanRequest).
   * @param {{ html: string, url: string }} sent
   * @param {{ renderedHints?: boolean, markdown?: boolean }} options
   * @returns {Promise<Article | null>}
   */
  const clean = async ({ html, url }, options) => {
    /** @type {Article | null | { error: string }} */
    const cleaned = await chrome.runtime.sendMessage({ unboil: 'clean', html, url, ...options });
    if (cleaned && 'error' in cleaned) throw new Error(cleaned.error);
    return cleaned;
  };
  const cleaning = clean(page, { renderedHints: true });
  const saved = chrome.storage.local.get('settings');
  // Looked for while the service worker cleans the page.
  const next = overlay.findNextPage(document, document.URL);
  /** @type {Article | null} */
  let article = null;
  /** @type {string | undefined} */
  let message;
  try {
    article = await cleaning;
  } catch (error) {
    message = `unboil could not read this page (${error instanceof Error ? error.message : error}).`;
  }
  const { settings } = await saved;
  overlay.openReader(article, {
    settings,
    message,
    saveSettings: (changed) => chrome.storage.local.set({ settings: changed }),
    markdown: async () => (await clean(page, { renderedHints: true, markdown: true }))?.markdown ?? null,
    nextPage: next ? {
      url: next,
      load: async (url) => {
        const fetched = await overlay.fetchPage(document, url);
        // A fetched page was never rendered: no rendered hints for it.
        return { article: await clean(fetched, {}), url: fetched.url, next: fetched.next };
      },
    } : undefined,
  });
  return 'opened';
}

// A page the tab sends to be cleaned (CleanRequest): the HTML for the view, or the Markdown
// for saving it. Only the extension's own scripts can send it.
chrome.runtime.onMessage.addListener((/** @type {CleanRequest} */ message, sender, respond) => {
  if (sender.id !== chrome.runtime.id || message?.unboil !== 'clean') return undefined;
  /** @type {import('../../js/unboil.js').Options} */
  const options = {
    url: String(message.url),
    formats: message.markdown === true ? ['markdown'] : ['html'],
    renderedHints: message.renderedHints === true,
  };
  ready.then(() => respond(cleanArticle(String(message.html), options)))
    .catch((error) => respond({ error: error instanceof Error ? error.message : String(error) }));
  return true; // respond() is called later
});

chrome.action.onClicked.addListener((tab) => {
  toggleReader(tab).catch((error) => console.warn(`unboil: no reader view for this tab: ${error instanceof Error ? error.message : error}`));
});
