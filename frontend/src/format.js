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

/**
 * The whole-number formatter of a locale: 12,345 (en), 12.345 (de), 12 345 (fr); with
 * `signDisplay: 'exceptZero'` for a change (+312).
 * @param {string|undefined} tag
 * @param {'auto'|'exceptZero'} [signDisplay]
 */
function fullFormat(tag, signDisplay = 'auto') {
  return memo(`n|${tag}|${signDisplay}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay }));
}

// Compact counts follow the service's rule (CompactNumber.java), so the page, the badges and the
// devices say the same thing: three significant figures, cut, never rounded up (9,999 is 9.99k, not
// 10k: no milestone shows before it is reached). The cut is made here, on the count's digits, before
// Intl formats it, so it holds in every browser (Intl's own roundingMode: 'trunc' came only with
// Chrome 106, Firefox 116 and Safari 15.4). The table of cases both sides test against is
// src/test/resources/format/compact-numbers.json.
const COMPACT_FIGURES = 3;
// The service's suffixes, by thousands; past E (10^18, beyond any count) the number grows instead.
const SERVICE_SUFFIXES = Object.freeze(['', 'k', 'M', 'B', 'T', 'P', 'E']);

/** A whole number's decimal digits without sign, exact for any integer a Number holds. */
function digitsOf(value) {
  return BigInt(Math.trunc(Math.abs(value))).toString();
}

/**
 * English readers get the service's own text (9.99k, 12.3k, 1.23M, 1.5B), letter for letter; other
 * languages their own words and digits (1,23 Mio., 1.23万), cut the same way.
 */
function speaksServiceText(tag) {
  const resolved = fullFormat(tag).resolvedOptions();
  return /^en(-|$)/.test(resolved.locale) && resolved.numberingSystem === 'latn';
}

/** The service's compact text of a count's digits: "9.99k" for "9999". */
function serviceCompact(digits) {
  const group = Math.min(Math.floor((digits.length - 1) / 3), SERVICE_SUFFIXES.length - 1);
  const whole = digits.slice(0, digits.length - 3 * group);
  const fraction = digits.slice(whole.length, COMPACT_FIGURES).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}${SERVICE_SUFFIXES[group]}`;
}

/**
 * A count (or a change, `signed`) in compact form, in the locale's words. A locale with no short
 * word for a size (German below a million, Japanese below 10,000) writes the whole count there:
 * the cut count would read as a wrong one ("1230" for 1,234).
 */
function compactText(value, tag, signed) {
  const digits = digitsOf(value);
  const negative = value < 0 && digits !== '0';
  if (speaksServiceText(tag)) {
    const sign = negative ? '-' : signed && digits !== '0' ? '+' : '';
    return sign + serviceCompact(digits);
  }
  const cut = Number(digits.slice(0, COMPACT_FIGURES).padEnd(digits.length, '0')) * (negative ? -1 : 1);
  const signDisplay = signed ? 'exceptZero' : 'auto';
  const compact = memo(`c|${tag}|${signDisplay}`, () => new Intl.NumberFormat(tag, {
    notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: COMPACT_FIGURES, signDisplay,
  }));
  const parts = compact.formatToParts(cut);
  if (digits.length > COMPACT_FIGURES && !parts.some((part) => part.type === 'compact')) {
    return fullFormat(tag, signDisplay).format(Math.trunc(value));
  }
  return parts.map((part) => part.value).join('');
}

/**
 * 12345 -> "12,345" (full) or "12.3k" (compact, cut to three figures), in the reader's locale.
 * @param {number} value
 * @param {{locale?: string, format?: string}} [options]
 */
export function formatCount(value, { locale, format } = {}) {
  if (!Number.isFinite(value)) return '';
  const tag = resolveLocale(locale);
  return format === 'compact' ? compactText(value, tag, false) : fullFormat(tag).format(value);
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
 *
 * With `partial` (the growth of only some of the sources, while the others' history is shorter
 * than a day) the line says so: "+312 today · 1 of 2 sources", and `note` says why ("Counting 1 of
 * 2 sources: the others have less than a day of history"), which the speech ends with too.
 * @param {Growth|null|undefined} growth
 * @param {{locale?: string, format?: string, label?: string, partial?: {covered: number, of: number}|null}} [options]
 * @returns {{text: string, speech: string, trend: 'up'|'down'|'flat', note: string|null}|null}
 */
export function growthLine(growth, { locale, format, label = 'followers', partial = null } = {}) {
  if (!growth || typeof growth !== 'object') return null;
  const known = WINDOWS.find(([key]) => Number.isFinite(growth[key]));
  if (!known) return null;
  const [key, shown, spoken] = known;
  const delta = growth[key];
  const about = growth.approximate === true;
  const size = formatCount(Math.abs(delta), { locale, format: 'full' });
  const words = delta === 0 ? `no change ${spoken}` : `${size} ${delta > 0 ? 'more' : 'fewer'} ${label} ${spoken}`;
  const part = partial
    ? `${formatCount(partial.covered, { locale })} of ${formatCount(partial.of, { locale })} sources` : '';
  const note = partial ? `Counting ${part}: the others have less than a day of history` : null;
  return {
    text: `${about ? '≈ ' : ''}${signedCount(delta, { locale, format })} ${shown}${part ? ` · ${part}` : ''}`,
    speech: `${about ? 'roughly ' : ''}${words}${note ? `. ${note}` : ''}`,
    trend: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
    note,
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
  const text = format === 'compact' ? compactText(delta, tag, true) : fullFormat(tag, 'exceptZero').format(delta);
  // The sign is the text's only hyphen-minus, where the locale (or the service's text) writes one.
  const shown = text.replace('-', '\u2212');
  return delta === 0 ? `±${shown}` : shown;
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
