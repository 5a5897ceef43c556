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
 * Takes out of `root` what follows its first FIRST_TEXT characters of text, between whole
 * nodes: the node that crosses the line stays, and when it holds more than a slice of text in
 * several elements (a wrapper `div` or `section`), it is split the same way inside. Nothing is
 * taken from a short article. `into(parent)` maps an element of `root`'s tree to where its
 * held-back children go back (the tree may be moved before they do).
 * @param {Element} root
 * @param {(parent: Element) => Element} [into]
 * @returns {HeldBack}
 */
export function holdBack(root, into = (parent) => parent) {
  /** @type {{ parent: Element, nodes: DocumentFragment }[]} what was taken out, innermost first */
  const rest = [];
  let [container, budget] = [root, FIRST_TEXT];
  for (;;) {
    let cut = container.firstChild;
    for (let length = cut?.textContent?.length ?? 0; cut && length <= budget; length = cut?.textContent?.length ?? 0) {
      budget -= length;
      cut = cut.nextSibling;
    }
    if (!cut) break;
    if (cut.nextSibling) {
      const range = container.ownerDocument.createRange();
      range.setStartAfter(cut);
      range.setEndAfter(/** @type {ChildNode} */ (container.lastChild));
      rest.unshift({ parent: container, nodes: range.extractContents() });
    }
    const inner = /** @type {Element} */ (cut);
    if (cut.nodeType !== 1 || (cut.textContent?.length ?? 0) <= SLICE_TEXT || inner.childElementCount < 2) break;
    container = inner;
  }
  let [timer, ended] = [0, rest.length === 0];
  /** @type {Window | null} */
  let scheduler = null;
  let whenDone = () => {};
  /** Appends about `text` characters of what is left (all of it with Infinity); true when nothing is left. */
  const append = (/** @type {number} */ text) => {
    while (rest.length && text > 0) {
      const [{ parent, nodes }] = rest;
      const node = nodes.firstChild;
      if (!node) {
        rest.shift();
        continue;
      }
      text -= node.textContent?.length ?? 0;
      into(parent).append(node);
    }
    return rest.length === 0;
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
