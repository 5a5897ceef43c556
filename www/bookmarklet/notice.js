// A small message box the bookmarklets put in the page when unboil cannot run there (mostly
// a Content-Security-Policy that blocks WebAssembly or scripts from elsewhere). Built with DOM
// calls in a shadow root styled by a constructable stylesheet, so a strict CSP (no inline
// scripts, no inline styles) does not stop it; it is a labelled alert with a close button.

const HOST_TAG = 'unboil-notice';

// Compact, because it is part of the hosted loader's `javascript:` URL.
const CSS = `:host{all:initial;position:fixed;z-index:2147483647;top:16px;right:16px;max-width:min(26rem,calc(100vw - 32px))}
.box{box-sizing:border-box;padding:14px 16px;border:2px solid #a32200;border-radius:8px;background:#fff;color:#1f1f1f;font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 18px #0004}
.box:focus,button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
h2{margin:0 0 6px;font-size:16px;color:#a32200}
p{margin:0 0 8px}
a{color:#0b57d0}
button{font:inherit;padding:4px 12px;border:1px solid #1f1f1f;border-radius:4px;background:#f3f3f3;color:#1f1f1f;cursor:pointer}`;

/**
 * What a notice says: a heading, a text and an optional link.
 * @typedef {{ title: string, text: string, link?: { href: string, text: string } }} Notice
 */

/**
 * Shows (or replaces) the notice in `doc`: a heading, a text, an optional link
 * ({ href, text }) and a Close button; Esc closes it too. Returns the host element.
 * @param {Document} doc
 * @param {Notice} notice
 */
export function showNotice(doc, { title, text, link }) {
  doc.documentElement.querySelector(`:scope > ${HOST_TAG}`)?.remove();
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new (/** @type {Window & typeof globalThis} */ (doc.defaultView).CSSStyleSheet)();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets: the box shows unstyled, still readable.
  }
  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Partial<HTMLElementTagNameMap[K]>} [props]
   * @param {...(Node | string)} children
   */
  const make = (tag, props = {}, ...children) => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const box = make('div', { className: 'box', role: 'alert', tabIndex: -1 });
  box.setAttribute('aria-labelledby', 'unboil-notice-title');
  box.append(make('h2', { id: 'unboil-notice-title' }, title), make('p', {}, text));
  if (link) box.append(make('p', {}, make('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.text)));
  const close = make('button', { type: 'button' }, 'Close');
  close.addEventListener('click', () => host.remove());
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') host.remove();
  });
  box.append(close);
  shadow.append(box);
  doc.documentElement.append(host);
  box.focus({ preventScroll: true });
  return host;
}
