// The reader's toolbar: a group of buttons for each setting (one pressed button per choice, or
// a −/+ stepper), and Close. `refresh(settings)` shows the settings in force;
// `addActions(...controls)` puts more controls before Close.
import { el } from './dom.js';
import { ALIGNS, FONTS, IMAGES, LINE_HEIGHTS, SIZES, THEMES, WIDTHS } from './settings.js';

/** @typedef {import('./settings.js').Settings} Settings */
/** @typedef {'theme' | 'font' | 'align' | 'images'} ChoiceKey */
/** @typedef {'size' | 'width' | 'lineHeight'} StepKey */

/** The labels of each choice's values, in the order shown. @type {Record<ChoiceKey, [string[], string[]]>} */
const CHOICES = {
  theme: [THEMES, ['Light', 'Sepia', 'Dark']],
  font: [FONTS, ['Serif', 'Sans']],
  align: [ALIGNS, ['Start', 'Justify']],
  images: [IMAGES, ['Show', 'Hide']],
};

/**
 * @param {Document} doc
 * @param {(patch: Partial<Settings>) => void} change called with the setting a button changes
 * @param {() => void} close
 */
export function buildToolbar(doc, change, close) {
  /** @type {HTMLButtonElement[]} */
  const pressed = [];
  /** @param {string} label @param {ChoiceKey} key */
  const choice = (label, key) => {
    const group = el(doc, 'div', { class: 'group', role: 'group', 'aria-label': label },
      el(doc, 'span', { class: 'group-label', 'aria-hidden': 'true' }, label));
    const [values, texts] = CHOICES[key];
    values.forEach((value, i) => {
      const button = el(doc, 'button', { type: 'button', 'data-setting': key, 'data-value': value }, texts[i]);
      button.addEventListener('click', () => change({ [key]: value }));
      pressed.push(button);
      group.append(button);
    });
    return group;
  };
  /**
   * @param {string} label
   * @param {StepKey} key
   * @param {number[]} steps
   * @param {string} lessLabel
   * @param {string} moreLabel
   */
  const stepper = (label, key, steps, lessLabel, moreLabel) => {
    const less = el(doc, 'button', { type: 'button', 'aria-label': lessLabel, 'data-step': `${key}-down` }, '−');
    const more = el(doc, 'button', { type: 'button', 'aria-label': moreLabel, 'data-step': `${key}-up` }, '+');
    /** @type {number | undefined} */
    let value;
    /** @param {number} by */
    const move = (by) => {
      const next = value === undefined ? undefined : steps[steps.indexOf(value) + by];
      if (next !== undefined) change({ [key]: next });
    };
    less.addEventListener('click', () => move(-1));
    more.addEventListener('click', () => move(1));
    const group = el(doc, 'div', { class: 'group', role: 'group', 'aria-label': label },
      el(doc, 'span', { class: 'group-label', 'aria-hidden': 'true' }, label), less, more);
    return { group, refresh: (/** @type {number} */ v) => { value = v; less.disabled = v === steps[0]; more.disabled = v === steps.at(-1); } };
  };
  /** @type {Record<StepKey, ReturnType<typeof stepper>>} */
  const steppers = {
    size: stepper('Size', 'size', SIZES, 'Smaller text', 'Larger text'),
    width: stepper('Width', 'width', WIDTHS, 'Narrower lines', 'Wider lines'),
    lineHeight: stepper('Spacing', 'lineHeight', LINE_HEIGHTS, 'Tighter line spacing', 'Looser line spacing'),
  };
  const closeButton = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close reader view', title: 'Close (Esc)' }, '✕ Close');
  closeButton.addEventListener('click', close);
  const element = el(doc, 'div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Reader settings' },
    choice('Theme', 'theme'), choice('Font', 'font'),
    steppers.size.group, steppers.width.group, steppers.lineHeight.group,
    choice('Align', 'align'), choice('Images', 'images'),
    closeButton);
  return {
    element,
    /** @param {...HTMLElement} controls */
    addActions: (...controls) => closeButton.before(...controls),
    /** @param {Settings} settings */
    refresh(settings) {
      for (const button of pressed) {
        const key = /** @type {ChoiceKey} */ (button.dataset.setting);
        button.setAttribute('aria-pressed', String(settings[key] === button.dataset.value));
      }
      for (const [key, { refresh }] of Object.entries(steppers)) refresh(settings[/** @type {StepKey} */ (key)]);
    },
  };
}
