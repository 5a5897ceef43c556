// What the view shows below the toolbar: the article (header with its metadata, the outline
// of a long article, then the sanitized body), or the notice that there is none.
import { el } from './dom.js';
import { buildOutline } from './outline.js';
import { holdBack } from './parts.js';

/** @typedef {import('../../js/unboil.js').Article} Article */

const NOT_READERABLE = 'This page does not look like an article, so there is no reader view for it.';

/** Whether `article` is one the view shows at once. @param {Article | null} article @returns {article is Article} */
export function readable(article) {
  return Boolean(article && article.readerable && hasBody(article));
}

/** Whether unboil found a body at all (it may have, on a page it does not take for an article). @param {Article | null} article @returns {article is Article} */
export function hasBody(article) {
  return Boolean(article && article.html && article.html.trim());
}

/**
 * The article's view: its header (site, title, byline, date, reading time), the outline of an
 * article with several headings, then its body. The body of a long article is put in only in
 * part (parts.js): returns the `article` element and what was held back of its body, to be
 * appended once the view is shown (`later.start`).
 * @param {Document} doc
 * @param {Article} article
 */
export function buildArticle(doc, article) {
  const node = el(doc, 'article', { 'aria-labelledby': 'unboil-reader-title' });
  if (article.lang) node.setAttribute('lang', article.lang);
  node.setAttribute('dir', article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : 'auto');
  const header = el(doc, 'header', {});
  if (article.siteName) header.append(el(doc, 'p', { class: 'site' }, article.siteName));
  header.append(el(doc, 'h1', { class: 'title', id: 'unboil-reader-title' }, article.title || 'Untitled'));
  const meta = el(doc, 'p', { class: 'meta' });
  if (article.byline) meta.append(el(doc, 'span', { class: 'byline' }, article.byline));
  const date = formatDate(article.published);
  if (date && article.published) meta.append(el(doc, 'span', {}, el(doc, 'time', { datetime: article.published }, date)));
  if (article.readingMinutes) meta.append(el(doc, 'span', { class: 'reading-time' }, `${article.readingMinutes} min read`));
  if (meta.childNodes.length) header.append(meta);
  const parsed = parseBody(article.html);
  // The outline lists every heading, held back or not; following one puts the whole body in first.
  const outline = buildOutline(doc, parsed, () => later.finish());
  const body = el(doc, 'div', { class: 'body' });
  const later = holdBack(parsed, body);
  if (later.pending()) body.setAttribute('aria-busy', 'true');
  node.append(...(outline ? [header, outline, body] : [header, body]));
  return { node, later };
}

/**
 * The article's body (its sanitized HTML) in a `.body` element.
 * @param {Document} doc
 * @param {string} html
 */
export function buildBody(doc, html) {
  const body = el(doc, 'div', { class: 'body' });
  body.append(...parseBody(html).childNodes);
  return body;
}

/**
 * The `body` of `html` parsed as an inert document: no scripts run, nothing loads (it is
 * sanitized by unboil's allowlist all the same); its nodes are moved into the view.
 * @param {string} html
 */
function parseBody(html) {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

/**
 * The notice shown instead of an article: `message`, or that the page is no article. With
 * `showAnyway`, a button offers what unboil found all the same and calls it when pressed.
 * @param {Document} doc
 * @param {string} [message]
 * @param {() => void} [showAnyway]
 */
export function buildNotice(doc, message, showAnyway) {
  const notice = el(doc, 'div', { class: 'notice', role: 'status' }, el(doc, 'p', {}, message || NOT_READERABLE));
  if (showAnyway) {
    const button = el(doc, 'button', { type: 'button', class: 'show-anyway' }, 'Show anyway');
    button.addEventListener('click', showAnyway);
    notice.append(el(doc, 'p', {}, 'The main content unboil found may still be worth reading. ', button));
  }
  notice.append(el(doc, 'p', { class: 'hint' }, 'Press Esc or the Close button to go back to the page.'));
  return notice;
}

/**
 * A date-time in ISO 8601 as a long date in the reader's locale; a bare date stays that day.
 * @param {string | null} iso
 */
function formatDate(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', ...(bare ? { timeZone: 'UTC' } : {}) }).format(date);
}
