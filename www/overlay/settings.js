// The reader's settings: what each one may be, the defaults, and how saved settings (whatever
// the storage held) become valid ones.

/**
 * The reader's settings: `size` is the text size in px, `width` the line width in ch,
 * `lineHeight` the line spacing (a multiple of the text size), `align` the text alignment
 * ('start' or 'justify'), `images` whether the article's images show ('show' or 'hide').
 * @typedef {{ theme: string, font: string, size: number, width: number, lineHeight: number, align: string, images: string }} Settings
 */

export const THEMES = ['light', 'sepia', 'dark'];
export const FONTS = ['serif', 'sans'];
export const SIZES = [14, 16, 18, 20, 22, 24, 28, 32];
export const WIDTHS = [44, 52, 60, 68, 76, 84];
export const LINE_HEIGHTS = [1.3, 1.5, 1.65, 1.8, 2];
export const ALIGNS = ['start', 'justify'];
export const IMAGES = ['show', 'hide'];

/** The settings used when none are saved. @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ theme: 'light', font: 'serif', size: 20, width: 68, lineHeight: 1.65, align: 'start', images: 'show' });

/**
 * Returns valid settings from saved ones, whatever they hold (missing or bad values take the defaults).
 * @param {unknown} saved
 * @returns {Settings}
 */
export function normalizeSettings(saved) {
  const s = /** @type {Record<string, any>} */ (saved && typeof saved === 'object' ? saved : {});
  /** @template T @param {T[]} allowed @param {T} fallback @param {unknown} value @returns {T} */
  const pick = (allowed, fallback, value) => (allowed.includes(/** @type {T} */ (value)) ? /** @type {T} */ (value) : fallback);
  return {
    theme: pick(THEMES, DEFAULT_SETTINGS.theme, s.theme),
    font: pick(FONTS, DEFAULT_SETTINGS.font, s.font),
    size: pick(SIZES, DEFAULT_SETTINGS.size, s.size),
    width: pick(WIDTHS, DEFAULT_SETTINGS.width, s.width),
    lineHeight: pick(LINE_HEIGHTS, DEFAULT_SETTINGS.lineHeight, s.lineHeight),
    align: pick(ALIGNS, DEFAULT_SETTINGS.align, s.align),
    images: pick(IMAGES, DEFAULT_SETTINGS.images, s.images),
  };
}
