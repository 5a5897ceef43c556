// The article's outline: for an article with three or more headings, a collapsible list of
// them whose links scroll the view (not the page) to each heading and move the focus there.
import { el } from './dom.js';

/** The fewest headings that make an outline worth showing. */
const MIN_HEADINGS = 3;

/**
 * The outline of the headings in `body` (the article's body, in the view), or null when it has
 * fewer than three. Headings without an id get one (the article's own ids all begin `unboil-`
 * but never `unboil-reader-`). `showAll()` is called before following a link: it puts in the
 * view what was held back of a long body (parts.js), where the heading may be.
 * @param {Document} doc
 * @param {HTMLElement} body
 * @param {() => void} [showAll]
 */
export function buildOutline(doc, body, showAll = () => {}) {
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
      showAll();
      const toolbar = /** @type {Document | ShadowRoot} */ (heading.getRootNode()).querySelector('.toolbar');
      heading.setAttribute('tabindex', '-1');
      align(heading, toolbar);
      heading.focus({ preventScroll: true });
      settle(heading, toolbar);
    });
    list.append(el(doc, 'li', { class: `level-${Number(heading.localName[1]) - top + 1}` }, link));
  });
  return el(doc, 'details', { class: 'outline' },
    el(doc, 'summary', {}, 'Contents'),
    el(doc, 'nav', { 'aria-label': 'Contents' }, list));
}

/**
 * Scrolls the view by what puts `heading` 8 px below the sticky `toolbar` (whose height changes
 * when it wraps).
 * @param {HTMLElement} heading
 * @param {Element | null} toolbar
 */
function align(heading, toolbar) {
  const view = heading.closest('.reader');
  const gap = heading.getBoundingClientRect().top - (toolbar?.getBoundingClientRect().bottom ?? 0) - 8;
  if (view) view.scrollTop += gap;
  else heading.scrollIntoView({ block: 'start' });
}

/**
 * Keeps `heading` aligned for a while: blocks near the view that were out of sight
 * (content-visibility: auto) take their real size in the next frames, and the browser's scroll
 * anchoring or a toolbar that wraps anew can move the heading after the first scroll. Stops
 * after two seconds, or as soon as the reader scrolls by wheel, touch, pointer or key.
 * @param {HTMLElement} heading
 * @param {Element | null} toolbar
 */
function settle(heading, toolbar) {
  const win = heading.ownerDocument.defaultView;
  const view = heading.closest('.reader');
  if (!win || !view) return;
  let [frames, stopped] = [0, false];
  const stop = () => {
    stopped = true;
  };
  for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown']) view.addEventListener(type, stop, { once: true, passive: true });
  const check = () => {
    if (stopped || frames++ > 120) return;
    const gap = heading.getBoundingClientRect().top - (toolbar?.getBoundingClientRect().bottom ?? 0);
    if (gap < 0 || gap > 16) align(heading, toolbar);
    win.requestAnimationFrame(check);
  };
  win.requestAnimationFrame(check);
}
