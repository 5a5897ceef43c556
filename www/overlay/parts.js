// Long articles in parts: the view puts the article's first screenfuls in at once and holds
// the rest back, then appends it a slice at a time in idle callbacks. The first frame then
// styles and lays out a few hundred elements, not every block of a 1 MB article (whose
// first frame took 150–300 ms). Whatever needs the whole article first (printing, the
// outline's links, links to an anchor) calls `finish()`, which appends all that is left at once.

/** Characters of text put in at once: many screenfuls at any text size and line width. */
export const FIRST_TEXT = 16_000;
/** Characters of text appended per idle callback. */
const SLICE_TEXT = 32_000;

/**
 * What was held back: `pending()` tells whether some is still out of the view, `start(view,
 * done)` appends it in idle callbacks of `view` and calls `done()` once all is in, `finish()`
 * appends the rest at once (and calls `done()`), `cancel()` stops appending (the view closed).
 * @typedef {{ pending: () => boolean, start: (view: Window, done: () => void) => void, finish: () => void, cancel: () => void }} HeldBack
 */

/**
 * Moves into `target` the children of `source` (the body of the parsed article) up to its
 * first FIRST_TEXT characters of text, between whole nodes: the node that crosses the line goes
 * in whole, unless it holds more than a slice of text in several elements (a wrapper `article`
 * or `section`): then a shallow copy of it goes in, filled the same way from its children. The
 * rest stays where it is, to be appended later; a short article goes in whole at once.
 * @param {Element} source
 * @param {Element} target
 * @returns {HeldBack}
 */
export function holdBack(source, target) {
  /** @type {{ from: Element, to: Element }[]} where the rest is and where it goes, innermost first */
  const rest = [];
  let [from, to, budget] = [source, target, FIRST_TEXT];
  for (let node = from.firstChild; node; node = from.firstChild) {
    const length = textLength(node, Math.max(budget, SLICE_TEXT));
    if (length <= budget) {
      budget -= length;
      to.append(node);
      continue;
    }
    rest.unshift({ from, to });
    const wrapper = /** @type {Element} */ (node);
    if (node.nodeType !== 1 || length <= SLICE_TEXT || wrapper.childElementCount < 2) {
      to.append(node);
      break;
    }
    const copy = /** @type {Element} */ (wrapper.cloneNode(false));
    to.append(copy);
    wrapper.remove();
    [from, to] = [wrapper, copy];
  }
  let [timer, ended] = [0, rest.every(({ from }) => !from.firstChild)];
  /** @type {Window | null} */
  let scheduler = null;
  let whenDone = () => {};
  /** Appends about `text` characters of what is left (all of it with Infinity); true when nothing is left. */
  const append = (/** @type {number} */ text) => {
    while (rest.length && text > 0) {
      const [{ from, to }] = rest;
      const node = from.firstChild;
      if (!node) {
        rest.shift();
        continue;
      }
      text -= node.textContent?.length ?? 0;
      to.append(node);
    }
    return rest.every(({ from }) => !from.firstChild);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    whenDone();
  };
  const schedule = () => {
    if (!scheduler) return;
    const view = scheduler;
    const slice = () => (append(SLICE_TEXT) ? end() : schedule());
    timer = typeof view.requestIdleCallback === 'function' ? view.requestIdleCallback(slice, { timeout: 50 }) : view.setTimeout(slice, 0);
  };
  const cancel = () => {
    if (!scheduler) return;
    if (typeof scheduler.cancelIdleCallback === 'function') scheduler.cancelIdleCallback(timer);
    else scheduler.clearTimeout(timer);
    scheduler = null;
  };
  return {
    pending: () => !ended,
    start: (view, done) => {
      whenDone = done;
      if (ended) return done();
      scheduler = view;
      schedule();
    },
    finish: () => {
      cancel();
      append(Infinity);
      end();
    },
    cancel,
  };
}

/**
 * The length of `node`'s text, counted up to just past `limit` (a wrapper of a 1 MB article
 * is not read whole).
 * @param {Node} node
 * @param {number} limit
 */
function textLength(node, limit) {
  if (node.nodeType !== 1) return node.textContent?.length ?? 0;
  const walker = /** @type {Document} */ (node.ownerDocument).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (length <= limit && walker.nextNode()) length += /** @type {Text} */ (walker.currentNode).data.length;
  return length;
}
