// Multi-page articles, view side: "Load next page" at the end of the article. Each page it
// loads is appended under a divider, and the page after it is offered in turn; a page already
// shown (the first one included) is never appended again.
import { buildBody, hasBody } from './article-view.js';
import { el, squash, windowOf, withoutHash } from './dom.js';

/** @typedef {import('../../js/unboil.js').Article} Article */
/**
 * What a loaded page gives: its article (cleaned where the first page was), its final address,
 * and the address of its own next part.
 * @typedef {{ article: Article | null, url: string, next: string | null }} LoadedPage
 */
/**
 * The article's next part: `url`, and `load(url)`, which fetches and cleans a page.
 * @typedef {{ url: string, load: (url: string) => Promise<LoadedPage> }} NextPage
 */

/**
 * The "Load next page" control, which appends pages before itself; null when `next` leads
 * back to the first page.
 * @param {Document} doc
 * @param {{ url: string, title: string | null, heading: string | null }} first the address, title and leading heading (leadingHeading) of the page the view opened on
 * @param {NextPage} next
 */
export function buildMorePages(doc, first, { url, load }) {
  const shown = new Set([withoutHash(first.url)]);
  if (shown.has(withoutHash(url))) return null;
  let wanted = url;
  let number = 2;
  let loading = false;
  const button = el(doc, 'button', { type: 'button', class: 'load-next' }, 'Load next page');
  const status = el(doc, 'p', { class: 'more-status', role: 'status' });
  const control = el(doc, 'div', { class: 'more-pages' }, button, status);
  // While a page loads the button stays enabled (a disabled one would lose the keyboard focus) but does nothing.
  button.addEventListener('click', async () => {
    if (loading) return;
    loading = true;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = `Loading page ${number}…`;
    shown.add(withoutHash(wanted));
    try {
      const page = await load(wanted);
      if (!hasBody(page.article)) throw new Error('no article on it');
      // Redirected to a page already shown: nothing to append.
      const final = withoutHash(page.url);
      const repeated = final !== withoutHash(wanted) && shown.has(final);
      shown.add(final);
      if (!repeated) {
        const section = buildPage(doc, page.article, number++, [first.title, first.heading, page.article.title]);
        control.before(section);
        section.focus({ preventScroll: true });
      }
      status.textContent = '';
      if (page.next && !shown.has(withoutHash(page.next))) {
        wanted = page.next;
      } else {
        button.remove();
        status.textContent = 'No more pages.';
      }
    } catch (error) {
      shown.delete(withoutHash(wanted));
      status.textContent = `The next page could not be loaded (${error instanceof Error ? error.message : error}).`;
    } finally {
      loading = false;
      button.removeAttribute('aria-disabled');
    }
  });
  return control;
}

/**
 * The heading an article's body begins with (no text before it), or null.
 * @param {Element | null} body
 */
export function leadingHeading(body) {
  const heading = body?.querySelector('h1, h2, h3, h4, h5, h6');
  if (!body || !heading) return null;
  // The first text that is not white space decides: the body's whole text is not needed.
  const walker = body.ownerDocument.createTreeWalker(body, windowOf(body.ownerDocument).NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test(/** @type {Text} */ (node).data)) return heading.contains(node) ? heading : null;
  }
  return null;
}

/**
 * An appended page: a divider, its number, and its article's body, whose ids are made unique
 * in the view, without its leading heading when that repeats one of `titles` (the article's
 * title on every page).
 * @param {Document} doc
 * @param {Article} article
 * @param {number} number
 * @param {(string | null)[]} titles
 */
function buildPage(doc, article, number, titles) {
  const body = buildBody(doc, article.html);
  const heading = leadingHeading(body);
  if (heading && titles.some((title) => title && squash(title) === squash(heading.textContent))) heading.remove();
  const prefix = `unboil-reader-page${number}-`;
  for (const node of body.querySelectorAll('[id]')) node.id = prefix + node.id;
  for (const link of body.querySelectorAll('a[href^="#"]')) link.setAttribute('href', `#${prefix}${link.getAttribute('href')?.slice(1)}`);
  const section = el(doc, 'section', { class: 'page', 'aria-label': `Page ${number}`, tabindex: '-1', dir: article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : 'auto' },
    el(doc, 'hr', { class: 'page-divider' }), el(doc, 'p', { class: 'page-number' }, `Page ${number}`), body);
  if (article.lang) section.setAttribute('lang', article.lang);
  return section;
}
