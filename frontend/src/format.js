// Number and time formatting for the ticker. Pure functions over Intl, no DOM,
// so Node can test them and every locale is handled by the platform.

export const FORMATS = Object.freeze(['full', 'compact']);

// Intl objects are costly to build and the ticker formats on every poll.
const cache = new Map();
function memo(key, make) {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Picks a locale Intl accepts; an invalid tag falls back to the runtime's default. */
export function resolveLocale(locale) {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

export function numberFormat(locale, format = 'full') {
  const tag = resolveLocale(locale);
  const style = format === 'compact' ? 'compact' : 'full';
  return memo(`n|${tag}|${style}`, () =>
    new Intl.NumberFormat(tag, style === 'compact'
      ? { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1 }
      : { maximumFractionDigits: 0 }));
}

/**
 * 12345 -> "12,345" (full) or "12.3K" (compact), in the reader's locale.
 * @param {number} value
 * @param {{locale?: string, format?: string}} [options]
 */
export function formatCount(value, { locale, format } = {}) {
  if (!Number.isFinite(value)) return '';
  return numberFormat(locale, format).format(value);
}

/**
 * What a screen reader hears when the count changes: "12,346 followers".
 * @param {number} value
 * @param {{locale?: string, label?: string}} [options]
 */
export function announceCount(value, { locale, label = 'followers' } = {}) {
  return `${formatCount(value, { locale, format: 'full' })} ${label}`;
}

/** @type {Array<[Intl.RelativeTimeFormatUnit, number]>} */
const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * Age of the data as readers say it: "5 minutes ago", "now".
 * A clock running behind the server would give a negative age; it is shown as "now"
 * rather than "in 3 seconds", which would read as a bug.
 * @param {string} refreshedAt ISO-8601 instant
 * @param {number} now epoch milliseconds
 * @param {{locale?: string}} [options]
 */
export function relativeAge(refreshedAt, now, { locale } = {}) {
  const then = Date.parse(refreshedAt);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  const rtf = memo(`r|${resolveLocale(locale)}`, () =>
    new Intl.RelativeTimeFormat(resolveLocale(locale), { numeric: 'auto', style: 'long' }));
  // Under ten seconds the exact number is noise.
  if (seconds < 10) return rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return rtf.format(-Math.floor(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/**
 * The badge text for data that is not fresh: "updated 5 minutes ago".
 * The ticker's own words are English, so other languages get the bare relative time,
 * which reads whole on its own ("vor 5 Minuten") instead of a mixed-language phrase.
 */
export function updatedAgo(refreshedAt, now, options = {}) {
  const age = relativeAge(refreshedAt, now, options);
  if (!age) return '';
  const language = new Intl.RelativeTimeFormat(resolveLocale(options.locale)).resolvedOptions().locale;
  if (!language.startsWith('en')) return age;
  return `updated ${age === 'now' ? 'just now' : age}`;
}

/**
 * The ten digit glyphs of a locale's numbering system, in order: ["0".."9"] for most,
 * ["٠".."٩"] for ar-EG. The odometer rolls through these, so every locale's digits roll.
 */
export function digitGlyphs(locale) {
  const tag = resolveLocale(locale);
  return memo(`d|${tag}`, () => {
    const plain = new Intl.NumberFormat(tag, { useGrouping: false });
    return Object.freeze(Array.from({ length: 10 }, (_, digit) => plain.format(digit)));
  });
}
