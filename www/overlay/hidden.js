// What the browser knows and no HTML-only extractor can: which elements it does not show, and
// which layers cover the page. markHidden marks them with `data-unboil-hidden` in the live
// page, just long enough to serialize it; cleanArticle({ renderedHints: true }) then treats
// them as boilerplate. The extension and the bookmarklets run it before reading the page.

/** The attribute cleanArticle's `renderedHints` option looks for (unboil::HIDDEN_MARK). */
export const HIDDEN_MARK = 'data-unboil-hidden';

/**
 * Elements never marked, nor looked into: not rendered as boxes, handled by unboil, or text
 * inside a line (checking every link and span of a long article would cost more than all the
 * rest; a page hides and layers blocks, not words).
 */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'br', 'wbr', 'svg', 'math', 'iframe', 'object', 'video', 'audio', 'canvas', 'picture', 'img', 'source', 'track',
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);
/** Blocks that hold only a line's content: checked for being rendered only, not looked into. */
const LINES = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figcaption', 'caption', 'dt', 'summary']);

/**
 * Marks, in `doc`, the elements that are not rendered (`display: none`, `visibility: hidden`,
 * `content-visibility: hidden`, a box of at most 1×1 pixel that clips what it holds, a box
 * wholly off the document), and the layers that cover the page: `position: fixed` elements
 * (cookie walls, pop-ups, fixed bars and buttons) and sticky bars at the top or bottom edge.
 * Content people expand on purpose is left alone: closed `<details>`, tab panels and
 * `hidden="until-found"`. Text inside a line (links, spans) is not looked at. A layer
 * that holds the main content (an `h1`, `main` or `article`, or half of the page's text, as in
 * app shells that scroll inside a fixed box) is never marked. Returns a function that removes
 * every mark it set, leaving the page exactly as it was.
 * @param {Document} [doc]
 * @returns {() => void}
 */
export function markHidden(doc = document) {
  const view = doc.defaultView;
  const body = doc.body;
  if (!view || !body) return () => {};
  const marked = /** @type {Element[]} */ ([]);
  /** @type {number | undefined} the length of the page's text, read when a layer is found (1 MB on a long page) */
  let pageText;
  const docWidth = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  const docHeight = Math.max(doc.documentElement.scrollHeight, view.innerHeight);
  const [vw, vh] = [view.innerWidth, view.innerHeight];

  /** Whether a covering layer holds the main content. @param {Element} el */
  const holdsContent = (el) =>
    el.querySelector('h1, main, article, [role="main"]') !== null || (el.textContent?.length ?? 0) * 2 > (pageText ??= body.textContent?.length ?? 0);

  /** Whether `el` is a part of the page people open on purpose. @param {Element} el */
  const expandable = (el) => el.closest('details:not([open]), [role="tabpanel"], [hidden="until-found"]') !== null;

  /** Why `el` is hidden or covers the page, or '' when it shows. @param {Element} el */
  const hidden = (el) => {
    // The walk goes down from shown elements only, so the element's own style tells.
    // Each style property read costs: the common cases are settled with the fewest.
    const style = view.getComputedStyle(el);
    const display = style.display;
    const unrendered = display === 'none' || style.visibility !== 'visible' || style.contentVisibility === 'hidden';
    if (unrendered) return expandable(el) ? '' : 'not rendered';
    if (display === 'contents' || LINES.has(el.localName)) return '';
    // Only a box that is positioned, clips or is transformed can be off screen or too small
    // to show anything: static boxes need no layout query.
    if (style.position === 'static' && style.overflowX === 'visible' && style.transform === 'none') return '';
    const box = el.getBoundingClientRect();
    const clips = style.overflowX !== 'visible' && style.overflowY !== 'visible';
    if (box.width <= 1 && box.height <= 1 && clips) return 'zero size';
    const [left, top] = [box.left + view.scrollX, box.top + view.scrollY];
    if (box.width > 0 && (left + box.width <= 0 || top + box.height <= 0 || left >= docWidth || top >= docHeight)) return 'off screen';
    if (style.position === 'fixed') return holdsContent(el) ? '' : 'covers the page';
    if (style.position === 'sticky') {
      const bar = box.width >= vw / 2 && box.height <= vh * 0.35 && (box.top <= 1 || box.bottom >= vh - 1);
      if (bar && !el.closest('table') && !/^h[1-6]$/.test(el.localName) && !holdsContent(el)) return 'sticky bar';
    }
    return '';
  };

  const walker = doc.createTreeWalker(body, view.NodeFilter.SHOW_ELEMENT);
  /** The next element after the current one's subtree. */
  const skip = () => {
    let next = walker.nextSibling();
    while (!next && walker.parentNode()) next = walker.nextSibling();
    return next;
  };
  let node = walker.nextNode();
  while (node) {
    const el = /** @type {Element} */ (node);
    if (SKIP.has(el.localName)) {
      node = skip();
    } else if (hidden(el) && !el.hasAttribute(HIDDEN_MARK)) {
      el.setAttribute(HIDDEN_MARK, '');
      marked.push(el);
      node = skip();
    } else if (LINES.has(el.localName)) {
      node = skip();
    } else {
      node = walker.nextNode();
    }
  }
  return () => {
    for (const el of marked) el.removeAttribute(HIDDEN_MARK);
  };
}

/**
 * The page's HTML as the reader cleans it: serialized with the marks of markHidden in it, the
 * marks removed at once. Clean it with `renderedHints: true`.
 * @param {Document} [doc]
 */
export function readRendered(doc = document) {
  const unmark = markHidden(doc);
  try {
    return doc.documentElement.outerHTML;
  } finally {
    unmark();
  }
}
