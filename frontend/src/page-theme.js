// The light/dark choice of the pages (/, /charts, /status): the reader's own unless the address
// (`?theme=light|dark`) or the page's toggle says otherwise, on <html data-theme>, which the
// stylesheets' light-dark() colours follow.

const prefersDark = matchMedia('(prefers-color-scheme: dark)');

/**
 * Applies `initial` and keeps the toggle and the theme in step; `changed` runs after each change with
 * the theme chosen ('light', 'dark', or undefined for the reader's own): a canvas, which takes no
 * CSS, draws again; the demo page's ticker takes it as its attribute.
 * @param {HTMLElement} toggle the button whose aria-pressed says "dark"
 * @param {string|null} initial 'light', 'dark', or anything else for the reader's own
 * @param {(theme: string|undefined) => void} [changed]
 */
export function followTheme(toggle, initial, changed = () => {}) {
  const apply = (theme) => {
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
    const dark = theme === 'dark' || (theme !== 'light' && prefersDark.matches);
    toggle.setAttribute('aria-pressed', String(dark));
    changed(document.documentElement.dataset.theme);
  };
  apply(initial);
  toggle.addEventListener('click', () => apply(toggle.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark'));
  prefersDark.addEventListener('change', () => apply(document.documentElement.dataset.theme));
}
