// Multi-page articles, page side: where a page links its next part (findNextPage), and the
// next page fetched from the page's own origin (fetchPage), with where that one links next.
import { squash, withoutHash } from './dom.js';

/**
 * Link texts of a pagination link to the next page ("Next", "Next page", "›", "»", "Next »"…),
 * in lower case with spaces collapsed; a page number following the current one counts too.
 */
const NEXT_TEXT = /^(?:next(?: page)?(?: ?[›»>→])?|[›»→]|next part)$/;
/** Containers of pagination links. */
const PAGER = 'nav, [role=navigation], [class*=pag], [id*=pag], ul, ol, p, div';

/**
 * The address of the next part of the page `doc` (whose address is `url`), or null: the page's
 * `<link rel="next">`, else a link `rel="next"`, else a pagination link whose text says "next"
 * (›, »), else a page number following the current one (the page number shown as current
 * among the same links, not as a link). Only same-origin addresses other than `url` itself
 * count; the fragment is dropped.
 * @param {Document} doc the tab's document or one parsed from a fetched page
 * @param {string} url
 */
export function findNextPage(doc, url) {
  const base = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? '', url);
  const here = withoutHash(url);
  /** @param {Element} node @returns {string | null} */
  const target = (node) => {
    try {
      const address = new URL(node.getAttribute('href') ?? '', base);
      const clean = withoutHash(address.href);
      return address.origin === new URL(url).origin && /^https?:$/.test(address.protocol) && clean !== here ? clean : null;
    } catch {
      return null;
    }
  };
  /** @param {Iterable<Element>} nodes @param {(node: Element) => boolean} [test] */
  const first = (nodes, test = () => true) => {
    for (const node of nodes) {
      const found = test(node) ? target(node) : null;
      if (found) return found;
    }
    return null;
  };
  const links = [...doc.querySelectorAll('a[href]')];
  return first(doc.querySelectorAll('link[rel~=next i][href]'))
    ?? first(doc.querySelectorAll('a[rel~=next i][href]'))
    ?? first(links, (a) => NEXT_TEXT.test(label(a)) || NEXT_TEXT.test(squash(a.getAttribute('aria-label') ?? '').toLowerCase()))
    ?? first(links, (a) => followsCurrent(a));
}

/**
 * Whether link `a` is a page number whose predecessor is shown as the current page next to it
 * (in the same container: a number that is no link, a link marked aria-current, or one to
 * nowhere).
 * @param {Element} a
 */
function followsCurrent(a) {
  const number = label(a);
  if (!/^\d{1,4}$/.test(number) || number === '1') return false;
  const previous = String(Number(number) - 1);
  const pager = a.parentElement?.closest(PAGER);
  if (!pager) return false;
  return [...pager.querySelectorAll('*')].some((node) => !node.children.length && label(node) === previous
    && (node.closest('[aria-current=page]') !== null || !node.closest('a[href]')));
}

/** A link's text, squashed and lower case. @param {Element} node */
function label(node) {
  return squash(node.textContent ?? '').toLowerCase();
}

/**
 * Fetches the page at `url` from `doc`'s own origin (refusing any other, before and after
 * redirects) and resolves to its HTML, its final address and its next part (findNextPage on
 * the fetched page, parsed inert).
 * @param {Document} doc the tab's document
 * @param {string} url
 * @returns {Promise<{ html: string, url: string, next: string | null }>}
 */
export async function fetchPage(doc, url) {
  const origin = doc.location.origin;
  if (new URL(url, doc.URL).origin !== origin) throw new Error(`${url} is not on ${origin}`);
  const view = /** @type {Window} */ (doc.defaultView);
  const response = await view.fetch(new URL(url, doc.URL).href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  if (new URL(response.url).origin !== origin) throw new Error(`${url} redirected to another origin`);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const html = await response.text();
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return { html, url: response.url, next: findNextPage(parsed, response.url) };
}
