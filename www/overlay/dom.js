// Small DOM helpers of the overlay's modules.

/**
 * Creates an element with attributes and children (strings become text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc
 * @param {K} tag
 * @param {Record<string, string>} attrs
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(doc, tag, attrs, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * The window of a document shown in one (every document the reader opens in).
 * @param {Document} doc
 */
export function windowOf(doc) {
  if (!doc.defaultView) throw new Error('unboil: the document has no window');
  return doc.defaultView;
}

/** Text with its runs of white space made single spaces, trimmed. @param {string | null | undefined} text */
export function squash(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** An address without its fragment (`#…`), to tell pages apart. @param {string} url */
export function withoutHash(url) {
  return url.replace(/#.*$/, '');
}
