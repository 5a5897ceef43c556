// The article's outline: for an article with three or more headings, a collapsible list of
// them whose links scroll the view (not the page) to each heading and move the focus there.
import { el } from './dom.js';

/** The fewest headings that make an outline worth showing. */
const MIN_HEADINGS = 3;

/**
 * The outline of the headings in `body` (the article's body, in the view), or null when it has
 * fewer than three. Headings without an id get one (the article's own ids all begin `unboil-`
 * but never `unboil-reader-`).
 * @param {Document} doc
 * @param {HTMLElement} body
 */
export function buildOutline(doc, body) {
  const headings = [.../** @type {NodeListOf<HTMLHeadingElement>} */ (body.querySelectorAll('h1, h2, h3, h4, h5, h6'))]
    .filter((heading) => heading.textContent?.trim());
  if (headings.length < MIN_HEADINGS) return null;
  const top = Math.min(...headings.map((heading) => Number(heading.localName[1])));
  const list = el(doc, 'ol', {});
  headings.forEach((heading, i) => {
    heading.id ||= `unboil-reader-heading-${i + 1}`;
    const link = el(doc, 'a', { href: `#${heading.id}` }, heading.textContent?.trim().replace(/\s+/g, ' ') ?? '');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      // Scrolled to just below the view's sticky toolbar.
      const toolbar = /** @type {Document | ShadowRoot} */ (heading.getRootNode()).querySelector('.toolbar');
      heading.style.scrollMarginTop = `${(toolbar?.getBoundingClientRect().height ?? 0) + 8}px`;
      heading.setAttribute('tabindex', '-1');
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    });
    list.append(el(doc, 'li', { class: `level-${Number(heading.localName[1]) - top + 1}` }, link));
  });
  return el(doc, 'details', { class: 'outline' },
    el(doc, 'summary', {}, 'Contents'),
    el(doc, 'nav', { 'aria-label': 'Contents' }, list));
}
