// The bookmarklet's reader: cleans the page it runs on with unboil and toggles the shared
// reader overlay (www/overlay/) over it, with the reader settings kept in the page's
// localStorage. For an article in parts, "Load next page" fetches the next page from the page's
// origin and cleans it here too.
import { closeReader, fetchPage, findNextPage, openReader, readRendered } from '../overlay/overlay.js';

/** @typedef {import('../../js/unboil.js').Article} Article */
/** @typedef {import('../overlay/overlay.js').Settings} Settings */

const SETTINGS_KEY = 'unboil.reader.settings';

/**
 * Closes the reader when it is open in `doc`; otherwise cleans the page with `cleanArticle`
 * (unboil, initialized) and opens the reader on the article. Resolves to 'closed' or 'opened'.
 * @param {typeof import('../../js/web.js').cleanArticle} cleanArticle
 * @param {Document} [doc]
 * @returns {'opened' | 'closed'}
 */
export function toggleArticle(cleanArticle, doc = document) {
  if (closeReader(doc)) return 'closed';
  /** @type {Article | null} */
  let article = null;
  let message;
  const page = { html: '', url: doc.location.href };
  // The reader shows the HTML; the Markdown is made from the same HTML when it is saved or copied.
  const markdown = async () => cleanArticle(page.html, { url: page.url, formats: ['markdown'], renderedHints: true }).markdown;
  try {
    // What the browser does not show, or what covers the page, is marked for unboil.
    page.html = readRendered(doc);
    article = cleanArticle(page.html, { url: page.url, formats: ['html'], renderedHints: true });
  } catch (error) {
    message = `unboil could not read this page: ${error instanceof Error ? error.message : error}`;
  }
  const next = findNextPage(doc, doc.location.href);
  // A fetched page was never rendered: no rendered hints for it.
  const load = async (/** @type {string} */ url) => {
    const fetched = await fetchPage(doc, url);
    return { article: cleanArticle(fetched.html, { url: fetched.url, formats: ['html'] }), url: fetched.url, next: fetched.next };
  };
  openReader(article, {
    settings: loadSettings(doc), saveSettings: (settings) => saveSettings(doc, settings), doc, message, markdown,
    nextPage: next ? { url: next, load } : undefined,
  });
  return 'opened';
}

/** @param {Document} doc @returns {unknown} */
function loadSettings(doc) {
  try {
    return JSON.parse(doc.defaultView?.localStorage.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    return null; // storage blocked or the value is not JSON: the overlay's defaults
  }
}

/** @param {Document} doc @param {Settings} settings */
function saveSettings(doc, settings) {
  try {
    doc.defaultView?.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage is blocked on this page: the settings last until the reader closes.
  }
}
