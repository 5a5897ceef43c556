// Runs a bookmarklet's work and turns its failure into a message in the page. Where a page's
// Content-Security-Policy stops unboil — a script-src without 'wasm-unsafe-eval' makes
// WebAssembly.compile throw a CompileError, and one without the bookmarklet's host makes the
// import() of the hosted module reject — the browser also fires `securitypolicyviolation`;
// either sign makes the message say so and point to the browser extension.
import { showNotice } from './notice.js';

/** @typedef {import('./notice.js').Notice} Notice */

/**
 * How long to wait, after a failure, for the CSP violation event: it comes as a task of its
 * own, before or after the failed import() settles. Other failures show this much later.
 */
const VIOLATION_WAIT_MS = 1000;

/**
 * Runs `work` (an async function) in `doc`; when it fails, shows a notice in the page: the CSP
 * one (with a link to `about`, the page that explains the limit) when the page's policy
 * blocked unboil, else one with the error.
 * @param {() => Promise<unknown>} work
 * @param {{ doc?: Document, about?: string }} [options]
 */
export async function guard(work, { doc = document, about } = {}) {
  let blocked = false;
  /** @type {() => void} */
  let violated = () => {};
  const seen = new Promise((resolve) => { violated = () => resolve(undefined); });
  /** @param {SecurityPolicyViolationEvent} event */
  const listen = (event) => {
    if (!/^(script-src|wasm)/.test(event.effectiveDirective)) return;
    blocked = true;
    violated();
  };
  doc.addEventListener('securitypolicyviolation', listen);
  try {
    await work();
  } catch (error) {
    if (isCspError(error)) blocked = true;
    else await Promise.race([seen, new Promise((wait) => setTimeout(wait, VIOLATION_WAIT_MS))]);
    showNotice(doc, blocked ? cspNotice(about) : failureNotice(error));
  } finally {
    doc.removeEventListener('securitypolicyviolation', listen);
  }
}

/** @param {unknown} error */
function isCspError(error) {
  return error instanceof Error && error.name === 'CompileError' && /Content Security Policy|unsafe-eval/i.test(error.message);
}

/** @param {string} [about] @returns {Notice} */
function cspNotice(about) {
  return {
    title: 'unboil cannot run on this site',
    text: "This site's Content Security Policy does not let bookmarklets load or run WebAssembly, so the reader view cannot open here. The unboil browser extension works on such sites.",
    link: about ? { href: about, text: 'Why, and how to get the extension' } : undefined,
  };
}

/** @param {unknown} error @returns {Notice} */
function failureNotice(error) {
  return {
    title: 'unboil could not start',
    text: `The reader view could not load: ${error instanceof Error ? error.message : error}`,
  };
}
