// The reader overlay's stylesheet, as a string for a constructable stylesheet inside its shadow
// root (adoptedStyleSheets are not blocked by a page's style-src CSP). Three themes, each with
// text, muted text and link colours of at least 4.5:1 contrast against its background.

/** The CSS of the overlay's shadow root. */
export const READER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto 0 0 !important;
  z-index: 2147483647 !important;
  width: 100vw !important; /* over the page's scrollbar gutter too */
  height: auto !important;
  margin: 0 !important;
  transform: none !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.reader {
  --bg: #ffffff; --fg: #1f1f1f; --muted: #545454; --link: #0b57d0; --rule: #d6d6d6; --panel: #f3f3f3;
  --focus: #0b57d0; --speaking: #fff1b8;
  box-sizing: border-box;
  height: 100%;
  overflow: auto;
  overscroll-behavior: contain;
  background: var(--bg);
  color: var(--fg);
  color-scheme: light;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 16px;
  line-height: 1.5;
  text-align: start;
}
.reader.theme-sepia {
  --bg: #f4ecd8; --fg: #3b2f20; --muted: #5c4a35; --link: #8a3b00; --rule: #d8c8a8; --panel: #eadfc4;
  --focus: #8a3b00; --speaking: #f9dc8c;
}
.reader.theme-dark {
  --bg: #1b1b1d; --fg: #e6e6e6; --muted: #b4b4b4; --link: #8ab4f8; --rule: #3c3c40; --panel: #2a2a2d;
  --focus: #8ab4f8; --speaking: #3d3a1c;
  color-scheme: dark;
}
.reader:focus { outline: none; }
.toolbar {
  position: sticky; top: 0; z-index: 1;
  display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: center;
  padding: 8px 12px;
  background: var(--panel);
  border-bottom: 1px solid var(--rule);
  font-size: 14px;
}
.group { display: flex; gap: 4px; align-items: center; }
.group-label { color: var(--muted); margin-inline-end: 2px; }
button {
  font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px;
  min-width: 36px; min-height: 32px; padding: 2px 10px; cursor: pointer;
}
button[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
button:disabled { cursor: default; opacity: 0.6; }
button:focus-visible, a:focus-visible, .reader [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.close { margin-inline-start: auto; }
.content {
  box-sizing: border-box;
  max-width: var(--width, 68ch);
  margin: 0 auto;
  padding: 32px 20px 96px;
  font-size: var(--size, 20px);
  line-height: var(--line-height, 1.65);
  overflow-wrap: break-word;
}
.font-serif .content { font-family: Georgia, "Iowan Old Style", "Noto Serif", "Noto Serif CJK JP", "Noto Naskh Arabic", serif; }
.font-sans .content { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Noto Sans Arabic", sans-serif; }
.content :lang(zh), .content :lang(ja), .content :lang(ko) { line-height: calc(var(--line-height, 1.65) + 0.15); line-break: strict; }
.align-justify .body :is(p, li, dd, blockquote) { text-align: justify; hyphens: auto; }
.images-hide .body :is(img, picture, video, svg, figure:has(img, picture, video, svg)) { display: none !important; }
.content :lang(ja), .content :lang(zh) { word-break: normal; overflow-wrap: anywhere; }
.site { margin: 0 0 8px; color: var(--muted); font-size: 0.8em; letter-spacing: 0.02em; }
h1.title { margin: 0 0 12px; font-size: 1.75em; line-height: 1.2; }
.meta { margin: 0 0 28px; padding-bottom: 16px; border-bottom: 1px solid var(--rule); color: var(--muted); font-size: 0.8em; }
.meta span + span::before { content: " \\00b7  "; }
.body h1, .body h2, .body h3, .body h4, .body h5, .body h6 { line-height: 1.3; margin: 1.4em 0 0.5em; }
.body h1 { font-size: 1.5em; } .body h2 { font-size: 1.3em; } .body h3 { font-size: 1.15em; }
.body h4, .body h5, .body h6 { font-size: 1em; }
.body p, .body ul, .body ol, .body dl, .body blockquote, .body figure, .body table, .body pre { margin: 0 0 1em; }
.body a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
.body img, .body video, .body picture, .body svg { max-width: 100%; height: auto; }
.body figure { margin-inline: 0; }
.body figcaption { margin-top: 6px; color: var(--muted); font-size: 0.8em; }
.body blockquote { margin-inline: 0; padding-inline-start: 16px; border-inline-start: 4px solid var(--rule); color: var(--fg); }
.body pre { overflow: auto; padding: 12px; background: var(--panel); border-radius: 6px; font-size: 0.8em; line-height: 1.45; }
.body code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.body table { display: block; overflow: auto; border-collapse: collapse; font-size: 0.85em; }
.body th, .body td { border: 1px solid var(--rule); padding: 4px 8px; text-align: start; vertical-align: top; }
/* Long articles: blocks out of sight are laid out when scrolled to (they stay findable and in the accessibility tree). */
.body > *, .body > :is(article, section, div) > * { content-visibility: auto; contain-intrinsic-size: auto 120px; }
.body hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
.body iframe { max-width: 100%; border: 0; }
.outline { margin: 0 0 28px; padding: 8px 14px; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; font-size: 0.8em; line-height: 1.5; }
.outline summary { cursor: pointer; font-weight: 600; }
.outline summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.outline ol { list-style: none; margin: 8px 0 4px; padding: 0; }
.outline li { margin: 4px 0; }
.outline .level-2 { padding-inline-start: 1.2em; } .outline .level-3 { padding-inline-start: 2.4em; }
.outline :is(.level-4, .level-5, .level-6) { padding-inline-start: 3.6em; }
.outline a { color: var(--link); text-underline-offset: 2px; }
.notice { margin: 48px 0; font-size: 1em; }
.notice p { margin: 0 0 12px; }
.hint { color: var(--muted); font-size: 0.8em; }
.rate { min-width: 3.2em; text-align: center; font-variant-numeric: tabular-nums; }
/* The block being read aloud: a marker colour and a bar at its start (not colour alone). */
.content .speaking { background: var(--speaking); border-inline-start: 3px solid var(--fg); padding-inline: 6px; border-radius: 2px; scroll-margin: calc(var(--toolbar-height, 0px) + 12px) 0 12px; }
.page-divider { border: 0; border-top: 2px solid var(--rule); margin: 2.5em 0 0.5em; }
.page-number { margin: 0 0 1.5em; color: var(--muted); font-size: 0.8em; text-align: center; }
.page:focus { outline: none; }
.more-pages { margin: 2.5em 0 0; text-align: center; font-size: 16px; }
button[aria-disabled="true"] { cursor: progress; opacity: 0.6; }
.more-status { margin: 8px 0 0; color: var(--muted); font-size: 0.9em; }
.more-status:empty { display: none; }
.share-status { color: var(--muted); font-size: 0.9em; }
.share-status:empty { display: none; }
/* Print: the article alone, black on white, in the page's flow; each link's address after it. */
@media print {
  :host { position: static !important; width: auto !important; }
  .reader {
    --bg: #ffffff; --fg: #000000; --muted: #3a3a3a; --link: #000000; --rule: #8a8a8a; --panel: #ffffff;
    height: auto; overflow: visible; color-scheme: light;
  }
  .toolbar, .outline, .hint, .more-pages { display: none !important; }
  .content .speaking { background: none; border: 0; padding: 0; }
  .content { max-width: none; padding: 0; font-size: 12pt; }
  .body > *, .body > :is(article, section, div) > * { content-visibility: visible; }
  .body a[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
  .body a[href^="#"]::after { content: none; }
  .body :is(img, picture, video, svg) { max-width: 100% !important; max-height: 90vh; object-fit: contain; break-inside: avoid; }
  .body :is(figure, pre, blockquote, tr) { break-inside: avoid; }
  .body :is(h1, h2, h3, h4, h5, h6) { break-after: avoid; }
  .body pre { white-space: pre-wrap; }
}
`;

/**
 * The CSS added to the page's own document while the overlay is open: it stops the page
 * scrolling, and keeps the scrollbar's room so that a long page is not laid out again; in
 * print, the page's own content is left out and the overlay flows over as many pages as it takes.
 */
export const LOCK_CSS = `html { overflow: hidden !important; scrollbar-gutter: stable !important; }
@media print {
  @page { margin: 18mm; }
  html { overflow: visible !important; }
  html > :not(unboil-reader) { display: none !important; }
}`;
