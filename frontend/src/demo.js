// The demo page's controls. Query parameters try the element's attributes without
// editing the page: /?theme=dark&format=compact&locale=de-DE&sparkline=off&src=...
// The chosen theme applies to the page and the ticker alike.

import { followTheme } from './page-theme.js';

const ticker = document.querySelector('social-ticker');
const toggle = /** @type {HTMLElement} */ (document.querySelector('#theme-toggle'));
const params = new URLSearchParams(location.search);

for (const name of [
  'src', 'format', 'locale', 'poll-interval', 'fallback-message', 'label', 'growth', 'sparkline', 'celebrate',
]) {
  if (params.has(name)) ticker.setAttribute(name, params.get(name));
}

// The page and the ticker alike: the element takes its own theme attribute.
followTheme(toggle, params.get('theme'), (theme) => {
  if (theme === 'light' || theme === 'dark') ticker.setAttribute('theme', theme);
  else ticker.removeAttribute('theme');
});
