// The demo page's controls. Query parameters try the element's attributes without
// editing the page: /?theme=dark&format=compact&locale=de-DE&sparkline=off&src=...
// The chosen theme applies to the page and the ticker alike.

const ticker = document.querySelector('social-ticker');
const toggle = document.querySelector('#theme-toggle');
const params = new URLSearchParams(location.search);

for (const name of [
  'src', 'format', 'locale', 'poll-interval', 'fallback-message', 'label', 'growth', 'sparkline', 'celebrate',
]) {
  if (params.has(name)) ticker.setAttribute(name, params.get(name));
}

const prefersDark = matchMedia('(prefers-color-scheme: dark)');

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    ticker.setAttribute('theme', theme);
  } else {
    delete document.documentElement.dataset.theme;
    ticker.removeAttribute('theme');
  }
  const dark = theme === 'dark' || (theme !== 'light' && prefersDark.matches);
  toggle.setAttribute('aria-pressed', String(dark));
}

applyTheme(params.get('theme'));

toggle.addEventListener('click', () => {
  const dark = toggle.getAttribute('aria-pressed') === 'true';
  applyTheme(dark ? 'light' : 'dark');
});
