// The extension's service worker. The toolbar button and Alt+Shift+R (the `_execute_action`
// command) call toggleReader: it reads the tab's HTML through chrome.scripting, cleans it here
// with unboil's WebAssembly (content scripts cannot run WASM on pages whose CSP forbids it) and
// shows the article in the tab with the shared overlay (overlay.js, a classic-script bundle of
// www/overlay/). A second call closes the overlay. Settings live in chrome.storage.local.
import init, { cleanArticle } from './pkg/unboil.js';

// Loading starts when the worker starts, so a click after the worker was stopped waits for
// the page's HTML and the module at the same time.
const ready = init();
ready.catch(() => {}); // the failure is reported when a click awaits it

/** Opens the reader view in `tab` (a tabs.Tab) or closes it; resolves to 'opened' or 'closed'. */
async function toggleReader(tab) {
  const target = { tabId: tab.id };
  await chrome.scripting.executeScript({ target, files: ['overlay.js'] });
  const [{ result: page }] = await chrome.scripting.executeScript({ target, func: closeOrReadPage });
  if (page === null) return 'closed';
  let article = null;
  let message = null;
  try {
    await ready;
    article = cleanArticle(page.html, { url: tab.url ?? page.url, formats: ['html'] });
  } catch (error) {
    message = `unboil could not read this page (${error.message}).`;
  }
  await chrome.scripting.executeScript({ target, func: showReader, args: [article, message] });
  return 'opened';
}

// Runs in the tab: closes an open overlay (null), or returns the page's HTML and URL.
function closeOrReadPage() {
  if (globalThis.__unboilOverlay.closeReader(document)) return null;
  return { html: document.documentElement.outerHTML, url: document.URL };
}

// Runs in the tab: opens the overlay with the saved settings.
async function showReader(article, message) {
  const { settings } = await chrome.storage.local.get('settings');
  globalThis.__unboilOverlay.openReader(article, {
    settings,
    message: message ?? undefined,
    saveSettings: (next) => chrome.storage.local.set({ settings: next }),
  });
}

chrome.action.onClicked.addListener((tab) => {
  toggleReader(tab).catch((error) => console.warn(`unboil: no reader view for this tab: ${error.message}`));
});
