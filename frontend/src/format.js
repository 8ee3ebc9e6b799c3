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

/**
 * @typedef {object} Growth the body's `growth`: the change over each window, null while the
 *   history is shorter than it
 * @property {number|null} oneDay
 * @property {number|null} sevenDays
 * @property {number|null} thirtyDays
 * @property {boolean} approximate the provider rounds its counts (YouTube: three significant figures)
 */

// The shortest window known is the one shown: "today" says the most about now. The longer ones
// stand in while it is unknown (the service counts every window back from now, so in practice a
// longer one is known only when the shorter one is too; another service may differ).
const WINDOWS = Object.freeze([
  ['oneDay', 'today', 'today'],
  ['sevenDays', 'in 7 days', 'in the last 7 days'],
  ['thirtyDays', 'in 30 days', 'in the last 30 days'],
]);

/**
 * The growth line's parts: `text` as shown ("+312 today", "≈ +2,100 in 7 days", "−40 today",
 * "±0 today"), `speech` as a screen reader should hear it ("312 more followers today"), and
 * `trend` (up, down, flat) for styling. Null when no window is known, or there is no growth at all
 * (history off, no data): nothing is shown then.
 * @param {Growth|null|undefined} growth
 * @param {{locale?: string, format?: string, label?: string}} [options]
 * @returns {{text: string, speech: string, trend: 'up'|'down'|'flat'}|null}
 */
export function growthLine(growth, { locale, format, label = 'followers' } = {}) {
  if (!growth || typeof growth !== 'object') return null;
  const known = WINDOWS.find(([key]) => Number.isFinite(growth[key]));
  if (!known) return null;
  const [key, shown, spoken] = known;
  const delta = growth[key];
  const about = growth.approximate === true;
  const size = formatCount(Math.abs(delta), { locale, format: 'full' });
  const words = delta === 0 ? `no change ${spoken}` : `${size} ${delta > 0 ? 'more' : 'fewer'} ${label} ${spoken}`;
  return {
    text: `${about ? '≈ ' : ''}${signedCount(delta, { locale, format })} ${shown}`,
    speech: `${about ? 'roughly ' : ''}${words}`,
    trend: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
  };
}

/**
 * A change with its sign: "+312", "−40" (a true minus where the locale writes a hyphen-minus, as
 * wide as the plus), "±0" (a bare "0" reads as missing, "±0" as no change).
 * @param {number} delta
 * @param {{locale?: string, format?: string}} [options]
 */
export function signedCount(delta, { locale, format } = {}) {
  if (!Number.isFinite(delta)) return '';
  const tag = resolveLocale(locale);
  const style = format === 'compact' ? 'compact' : 'full';
  const signed = memo(`s|${tag}|${style}`, () => new Intl.NumberFormat(tag, style === 'compact'
    ? { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1, signDisplay: 'exceptZero' }
    : { maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  const text = signed.formatToParts(delta)
    .map((part) => (part.type === 'minusSign' && part.value === '-' ? '\u2212' : part.value)).join('');
  return delta === 0 ? `±${text}` : text;
}

/**
 * A source's share of the sum, as a whole percentage in the reader's locale ("62%", "62 %"):
 * "<1%" for a count that is some but under half a percent, "—" when either is unknown or the sum
 * is 0. Rounded shares need not add up to 100.
 * @param {number|null} part
 * @param {number|null} sum
 * @param {{locale?: string}} [options]
 */
export function formatShare(part, sum, { locale } = {}) {
  if (!Number.isFinite(part) || !Number.isFinite(sum) || sum <= 0 || part < 0) return '—';
  const tag = resolveLocale(locale);
  const percent = memo(`p|${tag}`, () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }));
  const share = part / sum;
  if (part > 0 && share < 0.005) return `<${percent.format(0.01)}`;
  return percent.format(share);
}
