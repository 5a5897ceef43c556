// What the reader-view tests of the extension (Chromium and Firefox) share: the fixture pages of
// tests/browser/pages/ with the routes made from them (a strict-CSP copy of the article, a 1 MB
// article), the boilerplate that must not show, and a function that reads the open overlay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../node/helpers.mjs';

export const pages = join(root, 'tests/browser/pages');
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
/** Texts of the fixture article's navigation, share bar, related links and footer. */
export const BOILERPLATE = ['Subscribe today', 'Share by email', 'Print this page', 'Copy link', 'Related stories', 'Ten harbour walks', 'All rights reserved', 'Privacy policy'];

/** Texts that rendered-hints.html hides or covers the page with: no reader should show them. */
export const HIDDEN = ['Menu: Home, Politics', 'join forty thousand readers', 'Skip to the comments', 'Loading the next story', 'three of your five free stories'];
/** Texts of rendered-hints.html's article, one per paragraph. */
export const SHOWN = ['draws its power from a small turbine', 'regional college designed', 'surplus charges a battery bank', 'second ferry for the northern crossing', 'could be heard from the market square'];

/** A ~1 MB article page: the fixture article's paragraphs many times over, with its boilerplate. */
function bigPage() {
  const html = readFileSync(join(pages, 'article.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p>[^]*?<\/p>/g)].map(([p]) => p).join('\n');
  const sections = Array.from({ length: 560 }, (_, i) => `<h2>Part ${i + 1}</h2>\n${paragraphs}`).join('\n');
  return html.replace('</article>', `${sections}\n</article>`);
}

/** The fixture article with three more sections of its paragraphs, each under its own heading (Part 1 to 3). */
function sectionsPage() {
  const html = readFileSync(join(pages, 'article.html'), 'utf8');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const paragraphs = [...article.matchAll(/<p>[^]*?<\/p>/g)].map(([p]) => p).join('\n');
  return html.replace('</article>', `${[1, 2, 3].map((i) => `<h2>Part ${i}</h2>\n${paragraphs}`).join('\n')}\n</article>`);
}

/** @param {string} body @param {Record<string, string>} [headers] @returns {import('./harness.mjs').Route} */
const html = (body, headers) => () => ['text/html; charset=utf-8', body, headers];
/** Routes for serve(): /strict.html (the article with a strict CSP header), /sections.html and /big.html. */
export const routes = {
  '/sections.html': html(sectionsPage()),
  '/strict.html': html(readFileSync(join(pages, 'article.html'), 'utf8'), { 'content-security-policy': STRICT_CSP }),
  '/big.html': html(bigPage()),
};

/** Runs in the page: what the open overlay shows, read from its open shadow root. */
export function readOverlay() {
  const host = /** @type {HTMLElement} */ (document.querySelector('unboil-reader'));
  const root = /** @type {ShadowRoot} */ (host.shadowRoot);
  const text = (/** @type {string} */ selector) => root.querySelector(selector)?.textContent?.trim() ?? null;
  const article = root.querySelector('article');
  const dialog = root.querySelector('[role=dialog]');
  return {
    title: text('h1'),
    site: text('.site'),
    meta: text('.meta'),
    body: text('.body'),
    notice: text('.notice'),
    paragraphs: [...root.querySelectorAll('.body p')].map((p) => p.textContent?.trim()),
    lang: article?.getAttribute('lang') ?? null,
    dir: article?.getAttribute('dir') ?? null,
    direction: article ? getComputedStyle(root.querySelector('.body p') ?? article).direction : null,
    inDialog: Boolean(root.querySelector('[role=dialog] article[aria-labelledby]')),
    dialogLabel: dialog?.getAttribute('aria-label'),
    focused: root.activeElement === dialog,
    theme: dialog?.className.match(/theme-(\w+)/)?.[1],
    background: dialog ? getComputedStyle(dialog).backgroundColor : null,
    position: getComputedStyle(host).position,
  };
}

/**
 * Runs in the page's world of the overlay (the extension's isolated world, the page's own for
 * the bookmarklet): headless browsers have no voices, so the test stands in for the speech
 * engine. 'install' replaces speechSynthesis.speak, cancel, pause and resume with recorders;
 * 'fire' dispatches the event `type` on the `index`th utterance spoken, as the engine would.
 * Every command returns the utterances spoken so far (text, lang, rate) and the calls in order.
 * @param {'install' | 'fire' | 'read'} command
 * @param {[number, string]} [event] index and type, for 'fire'
 */
export function speechSpy(command, event) {
  const spy = /** @type {typeof globalThis & { unboilSpeech?: { spoken: SpeechSynthesisUtterance[], calls: string[] } }} */ (globalThis);
  if (command === 'install') {
    const log = { spoken: /** @type {SpeechSynthesisUtterance[]} */ ([]), calls: /** @type {string[]} */ ([]) };
    spy.unboilSpeech = log;
    speechSynthesis.speak = (utterance) => { log.spoken.push(utterance); log.calls.push('speak'); };
    for (const name of /** @type {const} */ (['cancel', 'pause', 'resume'])) speechSynthesis[name] = () => { log.calls.push(name); };
  }
  const log = spy.unboilSpeech ?? { spoken: [], calls: [] };
  if (command === 'fire' && event) log.spoken[event[0]].dispatchEvent(new Event(event[1]));
  return { spoken: log.spoken.map(({ text, lang, rate }) => ({ text, lang, rate })), calls: [...log.calls] };
}

/** Runs in the page: the text of the block highlighted as read aloud, and whether it shows in the view (null when none is). */
export function readSpeaking() {
  const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
  const block = root.querySelector('.speaking');
  if (!block) return null;
  const [box, view, bar] = [block.getBoundingClientRect(), /** @type {Element} */ (root.querySelector('.reader')).getBoundingClientRect(), /** @type {Element} */ (root.querySelector('.toolbar')).getBoundingClientRect()];
  return { text: block.textContent?.replace(/\s+/g, ' ').trim(), inView: box.top >= bar.bottom - 1 && box.bottom <= view.bottom + 1, scrolled: /** @type {Element} */ (root.querySelector('.reader')).scrollTop };
}

/** Boilerplate of the multi-page article's pages (tests/browser/pages/multi-*.html): navigation, share links, pagers, asides, footers. */
export const MULTI_BOILERPLATE = ['Subscribe to the Gazette', 'Share this page', 'Email page', 'Previous', 'Next story', 'Fares frozen', 'Sponsored: the Harbour Bank',
  'Letters: the timetable debate', 'page edition', 'Privacy policy'];
/** The first sentence of each page of the multi-page article. */
export const MULTI_PAGES = ['When the old timetable was printed for the last time', 'The second problem was freight', 'The third and last piece of the puzzle'];

/** Runs in the page: the open overlay's pages (the first, then each appended one: its label and paragraphs) and its "Load next page" control. */
export function readPages() {
  const root = /** @type {ShadowRoot} */ (document.querySelector('unboil-reader')?.shadowRoot);
  const paragraphs = (/** @type {Element} */ body) => [...body.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '');
  return {
    pages: [
      { label: 'Page 1', paragraphs: paragraphs(/** @type {Element} */ (root.querySelector('article .body'))) },
      ...[...root.querySelectorAll('section.page')].map((section) => ({ label: section.getAttribute('aria-label'), paragraphs: paragraphs(/** @type {Element} */ (section.querySelector('.body'))) })),
    ],
    button: root.querySelector('button.load-next') ? { busy: root.querySelector('button.load-next')?.getAttribute('aria-disabled') === 'true' } : null,
    status: root.querySelector('.more-status')?.textContent ?? null,
    text: root.querySelector('.content')?.textContent ?? '',
    focused: root.activeElement?.getAttribute('aria-label') ?? root.activeElement?.textContent ?? null,
  };
}
