// The bookmarklet's reader: cleans the page it runs on with unboil and toggles the shared
// reader overlay (www/overlay/) over it, with the reader settings kept in the page's
// localStorage.
import { closeReader, openReader } from '../overlay/overlay.js';

const SETTINGS_KEY = 'unboil.reader.settings';

/**
 * Closes the reader when it is open in `doc`; otherwise cleans the page with `cleanArticle`
 * (unboil, initialized) and opens the reader on the article. Resolves to 'closed' or 'opened'.
 */
export function toggleArticle(cleanArticle, doc = document) {
  if (closeReader(doc)) return 'closed';
  let article = null;
  let message;
  try {
    // The reader shows the HTML only: skip the text and Markdown outputs (faster on big pages).
    article = cleanArticle(doc.documentElement.outerHTML, { url: doc.location.href, formats: ['html'] });
  } catch (error) {
    message = `unboil could not read this page: ${error.message}`;
  }
  openReader(article, { settings: loadSettings(doc), saveSettings: (settings) => saveSettings(doc, settings), doc, message });
  return 'opened';
}

function loadSettings(doc) {
  try {
    return JSON.parse(doc.defaultView.localStorage.getItem(SETTINGS_KEY));
  } catch {
    return null; // storage blocked or the value is not JSON: the overlay's defaults
  }
}

function saveSettings(doc, settings) {
  try {
    doc.defaultView.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage is blocked on this page: the settings last until the reader closes.
  }
}
