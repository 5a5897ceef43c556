// The reader overlay shared by the extension and the bookmarklet: shows an unboil article
// (`cleanArticle`'s result) over the page in an open shadow root, with a toolbar for the theme,
// font, text size, line width and spacing, alignment and images (toolbar.js), to read the
// article aloud (read-aloud.js), and to save, copy and print it (share.js), and "Load next
// page" for an article in parts (more-pages.js); a long article's body is put in by parts
// (parts.js). Restores the page exactly when closed. The only change to
// the page's DOM is one host element; the page's scrolling is stopped (and the page left out of
// print) with an adopted stylesheet, so `document.documentElement.outerHTML` is the same after
// closing as before. Settings are kept by the caller: `saveSettings(settings)` is called after
// every change.
import { buildArticle, buildNotice, hasBody, readable } from './article-view.js';
import { el, windowOf } from './dom.js';
import { buildMorePages, leadingHeading } from './more-pages.js';
import { buildReadAloud } from './read-aloud.js';
import { normalizeSettings } from './settings.js';
import { buildShareControls } from './share.js';
import { LOCK_CSS, READER_CSS } from './styles.js';
import { buildToolbar } from './toolbar.js';

export { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';
export { markHidden, readRendered } from './hidden.js';
export { fetchPage, findNextPage } from './next-page.js';

/** @typedef {import('../../js/unboil.js').Article} Article */
/** @typedef {import('./settings.js').Settings} Settings */
/** @typedef {import('./more-pages.js').NextPage} NextPage */
/** @typedef {import('./more-pages.js').LoadedPage} LoadedPage */
/**
 * How to open the reader: `settings` as saved (anything; bad values take the defaults),
 * `saveSettings` called after every change, `doc` the page's document, `message` shown
 * instead of the article when there is none, `nextPage` the article's next part (offered as
 * "Load next page"), `markdown` the article's Markdown made on demand (for "Save as Markdown"
 * and "Copy as Markdown" when the article was cleaned without it).
 * @typedef {{ settings?: unknown, saveSettings?: (settings: Settings) => void, doc?: Document, message?: string, nextPage?: NextPage, markdown?: () => Promise<string | null> }} ReaderOptions
 */
/**
 * The host element, which remembers the page's scroll position and focused element, the
 * stylesheet that stops the page scrolling (`lock`), and what to stop when the view closes
 * (the reading aloud, the appending of a long article).
 * @typedef {HTMLElement & { previousFocus?: (Element & Partial<HTMLOrSVGElement>) | null, lock?: CSSStyleSheet | null, onClose?: () => void }} Host
 */

/** The host element's tag name (a custom element name, so page styles rarely match it). */
export const HOST_TAG = 'unboil-reader';

/** Whether the reader overlay is open in `doc`. @param {Document} [doc] */
export function isReaderOpen(doc = document) {
  return hostOf(doc) !== null;
}

/**
 * Opens the reader over the page in `doc` (closing one already open). `article` is unboil's
 * article; when it is null or not readerable the view says so (with `message` when given,
 * e.g. an error) instead of showing an empty page, and offers "Show anyway" when unboil found
 * a body all the same. Moves the focus into the view; Esc closes it.
 * @param {Article | null} article
 * @param {ReaderOptions} [options]
 */
export function openReader(article, { settings, saveSettings = () => {}, doc = document, message, nextPage, markdown } = {}) {
  closeReader(doc);
  const view = windowOf(doc);
  /** @type {Host} */
  const host = doc.createElement(HOST_TAG);
  host.dataset.scroll = `${view.scrollX},${view.scrollY}`;
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow, READER_CSS);
  let current = normalizeSettings(settings);
  const dialog = el(doc, 'div', { class: 'reader', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Reader view', tabindex: '-1', lang: 'en', dir: 'ltr' });
  const content = el(doc, 'div', { class: 'content' });
  const apply = () => {
    dialog.className = `reader theme-${current.theme} font-${current.font} align-${current.align} images-${current.images}`;
    content.style.setProperty('--size', `${current.size}px`);
    content.style.setProperty('--width', `${current.width}ch`);
    content.style.setProperty('--line-height', String(current.lineHeight));
  };
  /** @param {Partial<Settings>} patch */
  const change = (patch) => {
    current = { ...current, ...patch };
    apply();
    toolbar.refresh(current);
    saveSettings({ ...current });
  };
  const toolbar = buildToolbar(doc, change, () => closeReader(doc));
  toolbar.refresh(current);
  /** Puts in the view what is held back of a long article (parts.js). */
  let showAll = () => {};
  /** @param {Article} shown */
  const showArticle = (shown) => {
    const { node, later } = buildArticle(doc, shown);
    content.replaceChildren(node);
    const first = { url: doc.URL, title: shown.title, heading: leadingHeading(content.querySelector('.body'))?.textContent ?? null };
    const more = nextPage && buildMorePages(doc, first, nextPage);
    if (more) content.append(more);
    const readAloud = buildReadAloud(doc, content);
    showAll = later.finish;
    view.addEventListener('beforeprint', showAll);
    host.onClose = () => {
      readAloud?.stop();
      later.cancel();
      view.removeEventListener('beforeprint', showAll);
    };
    later.start(view, () => node.querySelector('.body')?.removeAttribute('aria-busy'));
    toolbar.addActions(...(readAloud ? [readAloud.element] : []), buildShareControls(doc, shown, markdown));
  };
  if (readable(article)) showArticle(article);
  else {
    // What unboil found on a page it does not take for an article is offered, not forced.
    const showAnyway = !message && hasBody(article) ? () => {
      showArticle(article);
      dialog.focus({ preventScroll: true });
    } : undefined;
    content.append(buildNotice(doc, message, showAnyway));
  }
  dialog.append(toolbar.element, content);
  shadow.append(dialog);
  apply();
  host.addEventListener('keydown', (event) => onKey(event, doc, shadow, dialog));
  shadow.addEventListener('click', (event) => followInPageLink(event, doc, shadow, showAll));
  host.previousFocus = doc.activeElement;
  doc.documentElement.append(host);
  dialog.focus({ preventScroll: true });
  // Locking the page restyles all of it (scrollbar-gutter on the root; 25-45 ms on a 1 MB
  // page): it waits until the view is drawn, and is skipped when the view closed meanwhile.
  view.requestAnimationFrame(() => view.setTimeout(() => {
    if (host.isConnected) host.lock = lockPage(doc);
  }));
}

/**
 * Closes the reader in `doc` and restores the page (scroll position, focus); false when none was open.
 * @param {Document} [doc]
 */
export function closeReader(doc = document) {
  const host = hostOf(doc);
  if (!host) return false;
  const [x, y] = (host.dataset.scroll ?? '0,0').split(',').map(Number);
  const previous = host.previousFocus;
  host.onClose?.();
  host.remove();
  if (host.lock) unlockPage(doc, host.lock);
  windowOf(doc).scrollTo(x, y);
  if (previous && previous.isConnected && previous !== doc.body && typeof previous.focus === 'function') previous.focus({ preventScroll: true });
  return true;
}

/**
 * Closes the reader when it is open, otherwise opens it (same options as `openReader`).
 * @param {Article | null} article
 * @param {ReaderOptions} [options]
 * @returns {'opened' | 'closed'}
 */
export function toggleReader(article, options = {}) {
  const doc = options.doc ?? document;
  if (closeReader(doc)) return 'closed';
  openReader(article, { ...options, doc });
  return 'opened';
}

/** @param {Document} doc @returns {Host | null} */
function hostOf(doc) {
  return doc.documentElement?.querySelector(`:scope > ${HOST_TAG}`) ?? null;
}

/**
 * Esc closes; Tab stays inside the view (it is a modal dialog); arrows move along the toolbar.
 * @param {KeyboardEvent} event
 * @param {Document} doc
 * @param {ShadowRoot} shadow
 * @param {HTMLElement} dialog
 */
function onKey(event, doc, shadow, dialog) {
  const active = shadow.activeElement;
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (step && active?.closest('[role=toolbar]')) {
    const buttons = [.../** @type {NodeListOf<HTMLButtonElement>} */ (shadow.querySelectorAll('[role=toolbar] button:not(:disabled)'))];
    const next = buttons[(buttons.indexOf(/** @type {HTMLButtonElement} */ (active)) + step + buttons.length) % buttons.length];
    event.preventDefault();
    next.focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    closeReader(doc);
  } else if (event.key === 'Tab') {
    // Links in a closed outline cannot take the focus: they are left out (Chrome 105+, Firefox 106+).
    const focusable = [.../** @type {NodeListOf<HTMLElement>} */ (
      shadow.querySelectorAll('button:not(:disabled), a[href], [tabindex="0"], audio[controls], video[controls], summary'))]
      .filter((node) => node.checkVisibility?.() ?? true);
    if (!focusable.length) return;
    const [first, last] = [focusable[0], focusable[focusable.length - 1]];
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

/**
 * A link to an anchor of the article scrolls the view there instead of the page underneath
 * (after `showAll()` has put in the view what was held back of a long article).
 * @param {Event} event
 * @param {Document} doc
 * @param {ShadowRoot} shadow
 * @param {() => void} showAll
 */
function followInPageLink(event, doc, shadow, showAll) {
  const path = /** @type {Element[]} */ (event.composedPath());
  const link = /** @type {HTMLAnchorElement | undefined} */ (path.find((node) => node.localName === 'a' && node.hasAttribute?.('href')));
  if (!link || !link.hash) return;
  const here = new URL(doc.location.href);
  const there = new URL(link.href, here);
  if (there.origin !== here.origin || there.pathname !== here.pathname || there.search !== here.search) return;
  showAll();
  const target = shadow.getElementById(decodeURIComponent(there.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView();
}

// Constructable stylesheets are not subject to the page's CSP. In a Firefox content script the
// page's objects are seen through Xray wrappers, which refuse adoptedStyleSheets: there
// `wrappedJSObject` reaches the page's own objects (elsewhere it is undefined).
/**
 * @template T
 * @param {T} object
 * @returns {T}
 */
const unwrap = (object) => /** @type {T & { wrappedJSObject?: T }} */ (object).wrappedJSObject ?? object;

/**
 * Sets `owner`'s (a document's or shadow root's) adopted stylesheets to `sheets` of `doc`'s window.
 * @param {Document} doc
 * @param {Document | ShadowRoot} owner
 * @param {CSSStyleSheet[]} sheets
 */
function setAdopted(doc, owner, sheets) {
  unwrap(owner).adoptedStyleSheets = unwrap(windowOf(doc)).Array.of(...sheets);
}

/** @param {Document} doc @param {string} css */
function newSheet(doc, css) {
  const sheet = new (unwrap(windowOf(doc)).CSSStyleSheet)();
  sheet.replaceSync(css);
  return sheet;
}

/**
 * Styles a shadow root with a constructable stylesheet (a `<style>` where that is refused).
 * @param {Document} doc
 * @param {ShadowRoot} shadow
 * @param {string} css
 */
function adoptStyles(doc, shadow, css) {
  try {
    setAdopted(doc, shadow, [newSheet(doc, css)]);
  } catch {
    shadow.append(el(doc, 'style', {}, css));
  }
}

/**
 * Stops the page scrolling with a stylesheet of LOCK_CSS adopted by `doc`; returns the sheet
 * (kept on the host, for unlockPage) or null where that is refused. The sheet is found again by
 * identity: a marker in it would have to be inherited by no element (a custom property is, and
 * restyles every element of the page) nor change the cascade (a new layer does, same cost).
 * @param {Document} doc
 */
function lockPage(doc) {
  try {
    const sheet = newSheet(doc, LOCK_CSS);
    setAdopted(doc, doc, [...unwrap(doc).adoptedStyleSheets, sheet]);
    return sheet;
  } catch {
    return null; // the page keeps scrolling underneath; the overlay still covers it
  }
}

/** Takes `lock` (lockPage's sheet) out of `doc`'s adopted stylesheets. @param {Document} doc @param {CSSStyleSheet} lock */
function unlockPage(doc, lock) {
  const sheets = [...(unwrap(doc).adoptedStyleSheets ?? [])];
  if (sheets.includes(lock)) setAdopted(doc, doc, sheets.filter((sheet) => sheet !== lock));
}
