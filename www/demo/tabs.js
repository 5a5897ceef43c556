// Accessible tabs (the ARIA tabs pattern): click or arrow keys, Home and End move between the
// tabs of a tablist; the selected tab is the only one in the tab order and shows its panel.

/** Wires up every `[role=tab]` inside `tablist`. @param {HTMLElement} tablist */
export function setUpTabs(tablist) {
  const tabs = [.../** @type {NodeListOf<HTMLElement>} */ (tablist.querySelectorAll('[role=tab]'))];
  /** @param {HTMLElement} chosen */
  const select = (chosen) => {
    for (const tab of tabs) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    chosen.focus();
  };
  /** @type {Record<string, number>} */
  const keys = { ArrowRight: 1, ArrowLeft: -1 };
  tablist.addEventListener('click', (event) => {
    const tab = /** @type {Element} */ (event.target).closest('[role=tab]');
    if (tab) select(/** @type {HTMLElement} */ (tab));
  });
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    let next;
    if (event.key in keys) next = tabs[(at + keys[event.key] + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs.at(-1);
    if (!next) return;
    event.preventDefault();
    select(next);
  });
}
