// The screen view's settings, read from its URL's query (pure): the ticker's own attributes,
// passed through as they are, and the screen's, each checked, with a default and a reason when a
// value is not usable. A kiosk is set up once by someone standing in front of it: a mistake there
// must show on the screen rather than be guessed around silently.

/** The <social-ticker> attributes a screen URL may set (the element checks their values itself). */
export const TICKER_PARAMETERS = Object.freeze([
  'src', 'poll-interval', 'format', 'locale', 'fallback-message', 'label', 'theme', 'growth', 'sparkline', 'celebrate',
]);

export const SCREEN_DEFAULTS = Object.freeze({
  show: 'total',
  rotateEverySeconds: 10,
  releaseCheckSeconds: 300,
  cursorHideSeconds: 3,
});

const SHOWS = Object.freeze(['total', 'rotate']);
const THEMES = Object.freeze(['light', 'dark']);

/**
 * Seconds from a parameter: a whole number within [min, max], or 'off' where `off` is allowed.
 * Returns {value} or {problem}.
 */
function seconds(name, raw, { min, max, off = false }) {
  const text = raw.trim().toLowerCase();
  if (off && text === 'off') return { value: null };
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value >= min && value <= max) return { value };
  }
  const range = `a whole number of seconds from ${min} to ${max}${off ? ", or off" : ''}`;
  return { problem: `${name} must be ${range}, not '${raw}'` };
}

/**
 * @param {string|URLSearchParams} search the page's query
 * @returns {{attributes: Record<string, string>, show: string, rotateEverySeconds: number,
 *   releaseCheckSeconds: number|null, cursorHideSeconds: number, problems: string[]}}
 *   show is total or rotate; releaseCheckSeconds is null when the release check is off
 */
export function screenSettings(search) {
  const params = new URLSearchParams(search);
  /** @type {{attributes: Record<string, string>, show: string, rotateEverySeconds: number,
   *   releaseCheckSeconds: number|null, cursorHideSeconds: number, problems: string[]}} */
  const settings = { attributes: {}, ...SCREEN_DEFAULTS, problems: [] };
  for (const name of TICKER_PARAMETERS) {
    if (params.has(name)) settings.attributes[name] = params.get(name);
  }
  const theme = settings.attributes.theme;
  if (theme !== undefined && !THEMES.includes(theme)) {
    settings.problems.push(`theme must be light or dark, not '${theme}'`);
    delete settings.attributes.theme;
  }
  if (params.has('show')) {
    const show = params.get('show').trim().toLowerCase();
    if (SHOWS.includes(show)) settings.show = show;
    else settings.problems.push(`show must be total or rotate, not '${params.get('show')}'`);
  }
  /** @type {Array<{name: string, key: 'rotateEverySeconds'|'releaseCheckSeconds'|'cursorHideSeconds',
   *   limits: {min: number, max: number, off?: boolean}}>} */
  const timings = [
    { name: 'rotate-every', key: 'rotateEverySeconds', limits: { min: 3, max: 3600 } },
    { name: 'release-check', key: 'releaseCheckSeconds', limits: { min: 2, max: 86_400, off: true } },
    { name: 'cursor-hide', key: 'cursorHideSeconds', limits: { min: 1, max: 3600 } },
  ];
  for (const { name, key, limits } of timings) {
    if (!params.has(name)) continue;
    const read = seconds(name, params.get(name), limits);
    if ('problem' in read) settings.problems.push(read.problem);
    else settings[key] = read.value;
  }
  return settings;
}
