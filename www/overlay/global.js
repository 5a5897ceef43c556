// Entry of the overlay's classic-script bundle (for chrome.scripting.executeScript, which cannot
// inject ES modules): defines the overlay's API once as `globalThis.__unboilOverlay`, so the
// bundle may be injected again and again into the same page and keeps the first instance.
import * as overlay from './overlay.js';

/** @type {typeof globalThis & { __unboilOverlay?: typeof overlay }} */ (globalThis).__unboilOverlay ??= overlay;
