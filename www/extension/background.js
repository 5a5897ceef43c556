// The extension's service worker. The toolbar button and Alt+Shift+U (the `_execute_action`
// command; Chromium on Linux keeps Alt+Shift+R for itself) call toggleReader: it reads the
// tab's HTML through chrome.scripting, cleans it here with unboil's WebAssembly (content
// scripts cannot run WASM on pages whose CSP forbids it) and shows the article in the tab with
// the shared overlay (overlay.js, a classic-script bundle of www/overlay/). A second call
// closes the overlay. Settings live in chrome.storage.local. For an article in parts the view
// offers "Load next page": the tab fetches that page from its own origin and sends it here to be
// cleaned (a runtime message), like the first.
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
/** The reader shows the HTML and saves the Markdown: the text output is skipped (faster on big pages). */
const FORMATS = /** @type {const} */ (['html', 'markdown']);

/**
 * Opens the reader view in `tab` or closes it; resolves to 'opened' or 'closed'.
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<'opened' | 'closed'>}
 */
async function toggleReader(tab) {
  if (tab.id === undefined) throw new Error('the tab has no id');
  const target = { tabId: tab.id };
  await chrome.scripting.executeScript({ target, files: ['overlay.js'] });
  const [{ result: page }] = await chrome.scripting.executeScript({ target, func: closeOrReadPage });
  if (page === null) return 'closed';
  if (page === undefined) throw new Error('the page could not be read');
  /** @type {Article | null} */
  let article = null;
  /** @type {string | null} */
  let message = null;
  try {
    await ready;
    article = cleanArticle(page.html, { url: tab.url ?? page.url, formats: [...FORMATS], renderedHints: true });
  } catch (error) {
    message = `unboil could not read this page (${error instanceof Error ? error.message : error}).`;
  }
  await chrome.scripting.executeScript({ target, func: showReader, args: [article, message] });
  return 'opened';
}

/**
 * Runs in the tab: closes an open overlay (null), or returns the page's HTML, with what the
 * browser does not show or what covers the page marked (readRendered), and its URL.
 * @returns {{ html: string, url: string } | null}
 */
function closeOrReadPage() {
  const overlay = /** @type {TabGlobal} */ (globalThis).__unboilOverlay;
  if (overlay.closeReader(document)) return null;
  return { html: overlay.readRendered(document), url: document.URL };
}

/**
 * Runs in the tab: opens the overlay with the saved settings.
 * @param {Article | null} article
 * @param {string | null} message
 */
async function showReader(article, message) {
  const { settings } = await chrome.storage.local.get('settings');
  const overlay = /** @type {TabGlobal} */ (globalThis).__unboilOverlay;
  const next = overlay.findNextPage(document, document.URL);
  overlay.openReader(article, {
    settings,
    message: message ?? undefined,
    saveSettings: (saved) => chrome.storage.local.set({ settings: saved }),
    nextPage: next ? {
      url: next,
      load: async (url) => {
        const page = await overlay.fetchPage(document, url);
        /** @type {Article | null | { error: string }} */
        const cleaned = await chrome.runtime.sendMessage({ unboil: 'clean', html: page.html, url: page.url });
        if (cleaned && 'error' in cleaned) throw new Error(cleaned.error);
        return { article: cleaned, url: page.url, next: page.next };
      },
    } : undefined,
  });
}

// A page the tab fetched for "Load next page", cleaned with the first page's options (but no
// rendered hints: a fetched page was never rendered). Only the extension's own scripts can send it.
chrome.runtime.onMessage.addListener((message, sender, respond) => {
  if (sender.id !== chrome.runtime.id || message?.unboil !== 'clean') return undefined;
  ready.then(() => respond(cleanArticle(String(message.html), { url: String(message.url), formats: [...FORMATS] })))
    .catch((error) => respond({ error: error instanceof Error ? error.message : String(error) }));
  return true; // respond() is called later
});

chrome.action.onClicked.addListener((tab) => {
  toggleReader(tab).catch((error) => console.warn(`unboil: no reader view for this tab: ${error instanceof Error ? error.message : error}`));
});
