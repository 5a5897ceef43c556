// Read aloud: the view's article spoken with the Web Speech API, one utterance per block (the
// title, then paragraphs, headings, list items…, pages appended later included), in a voice
// for the block's language when the browser has one. The block being read is highlighted and
// scrolled into view. Controls: Play / Pause / Resume, Stop, and a slower/faster speed.
import { el, windowOf } from './dom.js';

/** The blocks read one by one (a block holding another is read through the inner ones). */
const BLOCKS = 'h1.title, .body :is(p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, figcaption, pre, th, td)';
/** The speech rates offered, slowest first. */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];
/** The class of the block being read. */
export const SPEAKING = 'speaking';

/**
 * The voice to read `lang` with: one for exactly that language tag, else one for its primary
 * language (`pt` for `pt-BR`), the browser's default voice first, a local one next; null
 * when none fits (the utterance's `lang` then lets the browser choose).
 * @param {Pick<SpeechSynthesisVoice, 'lang' | 'default' | 'localService'>[]} voices
 * @param {string} lang
 */
export function chooseVoice(voices, lang) {
  const wanted = lang.toLowerCase().replace(/_/g, '-');
  const primary = (/** @type {string} */ tag) => tag.toLowerCase().split(/[-_]/)[0];
  const rank = (/** @type {Pick<SpeechSynthesisVoice, 'default' | 'localService'>} */ v) => (v.default ? 0 : v.localService ? 1 : 2);
  const fit = (/** @type {(v: Pick<SpeechSynthesisVoice, 'lang'>) => boolean} */ test) => voices.filter(test).sort((a, b) => rank(a) - rank(b))[0];
  if (!wanted) return null;
  return fit((v) => v.lang.toLowerCase().replace(/_/g, '-') === wanted) ?? fit((v) => primary(v.lang) === primary(wanted)) ?? null;
}

/**
 * The Read aloud controls for the article shown in `content` (null where the browser has no
 * speech synthesis), and `stop()`, which silences it (the view calls it when it closes).
 * @param {Document} doc
 * @param {HTMLElement} content the view's content: the article and any pages appended to it
 */
export function buildReadAloud(doc, content) {
  const view = windowOf(doc);
  const synth = view.speechSynthesis;
  if (!synth || typeof view.SpeechSynthesisUtterance !== 'function') return null;
  /** @type {'idle' | 'playing' | 'paused'} */
  let state = 'idle';
  let rate = 1;
  /** @type {Element | null} the block being read */
  let block = null;
  /** @type {SpeechSynthesisUtterance | null} the utterance of `block`; events of any other are stale */
  let current = null;

  const play = el(doc, 'button', { type: 'button', class: 'read-play' }, 'Read aloud');
  const stopButton = el(doc, 'button', { type: 'button', class: 'read-stop' }, 'Stop');
  const slower = el(doc, 'button', { type: 'button', 'aria-label': 'Slower speech', 'data-step': 'rate-down' }, '−');
  const faster = el(doc, 'button', { type: 'button', 'aria-label': 'Faster speech', 'data-step': 'rate-up' }, '+');
  const shown = el(doc, 'span', { class: 'rate' });

  const refresh = () => {
    play.textContent = state === 'playing' ? 'Pause' : state === 'paused' ? 'Resume' : 'Read aloud';
    stopButton.disabled = state === 'idle';
    slower.disabled = rate === RATES[0];
    faster.disabled = rate === RATES.at(-1);
    shown.textContent = `${rate}×`;
  };
  /** @param {Element | null} next */
  const highlight = (next) => {
    block?.classList.remove(SPEAKING);
    block = next;
    if (!next) return;
    next.classList.add(SPEAKING);
    // Kept in view below the view's sticky toolbar (whose height depends on the view's width).
    const toolbar = /** @type {Document | ShadowRoot} */ (content.getRootNode()).querySelector('.toolbar');
    content.style.setProperty('--toolbar-height', `${toolbar?.getBoundingClientRect().height ?? 0}px`);
    next.scrollIntoView({ block: 'nearest' });
  };
  const blocks = () => [...content.querySelectorAll(BLOCKS)].filter((node) => !node.querySelector(BLOCKS) && text(node));
  /** @param {Element | undefined} next speaks it, or ends the reading when there is none */
  const speak = (next) => {
    if (!next) {
      finish();
      return;
    }
    highlight(next);
    const utterance = new view.SpeechSynthesisUtterance(text(next));
    // The language of the block, its article or appended page (not the view's own, which is its controls').
    const holder = next.closest('[lang]');
    const lang = holder && !holder.classList.contains('reader') ? holder.getAttribute('lang') ?? '' : '';
    utterance.lang = lang;
    const voice = chooseVoice(synth.getVoices(), lang);
    if (voice) utterance.voice = /** @type {SpeechSynthesisVoice} */ (voice);
    utterance.rate = rate;
    utterance.addEventListener('start', () => {
      if (utterance === current) highlight(next);
    });
    utterance.addEventListener('end', () => {
      if (utterance !== current) return;
      const all = blocks();
      speak(all[all.indexOf(next) + 1]);
    });
    utterance.addEventListener('error', (event) => {
      if (utterance === current && event.error !== 'interrupted' && event.error !== 'canceled') finish();
    });
    current = utterance;
    synth.speak(utterance);
  };
  const finish = () => {
    const [speaking, paused] = [current !== null, state === 'paused'];
    current = null;
    state = 'idle';
    highlight(null);
    if (speaking) synth.cancel();
    if (paused) synth.resume(); // Chromium stays paused after cancel(), and would not speak again
    refresh();
  };

  play.addEventListener('click', () => {
    if (state === 'playing') {
      state = 'paused';
      synth.pause();
    } else if (state === 'paused') {
      state = 'playing';
      synth.resume();
    } else {
      state = 'playing';
      speak(blocks()[0]);
    }
    refresh();
  });
  stopButton.addEventListener('click', () => {
    finish();
    play.focus(); // Stop is disabled now: the focus goes to "Read aloud", not out of the view
  });
  /** @param {number} by a new rate applies at once: the block being read starts again */
  const step = (by) => {
    const next = RATES[RATES.indexOf(rate) + by];
    if (next === undefined) return;
    rate = next;
    refresh();
    if (state !== 'playing' || !block) return;
    current = null; // the cancelled utterance's events are stale
    synth.cancel();
    speak(block);
  };
  slower.addEventListener('click', () => step(-1));
  faster.addEventListener('click', () => step(1));
  refresh();
  const element = el(doc, 'div', { class: 'group', role: 'group', 'aria-label': 'Read aloud' },
    el(doc, 'span', { class: 'group-label', 'aria-hidden': 'true' }, 'Listen'), play, stopButton, slower, shown, faster);
  return { element, stop: () => { if (state !== 'idle') finish(); } };
}

/** A block's text as it is read. @param {Element} node */
function text(node) {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}
