import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import {
  announceCount, digitGlyphs, formatCount, growthLine, relativeAge, resolveLocale, signedCount, updatedAgo,
} from '../../src/format.js';

describe('formatCount', () => {
  it('groups digits in full format by default', () => {
    assert.equal(formatCount(12345, { locale: 'en-US' }), '12,345');
    assert.equal(formatCount(1234567, { locale: 'en-US', format: 'full' }), '1,234,567');
  });

  it("follows the reader's locale", () => {
    assert.equal(formatCount(12345, { locale: 'de-DE' }), '12.345');
    assert.equal(formatCount(12345, { locale: 'fr-FR' }), '12\u202f345');
    assert.equal(formatCount(1234567, { locale: 'hi-IN' }), '12,34,567');
    assert.equal(formatCount(12345, { locale: 'ar-EG' }), '١٢٬٣٤٥');
  });

  it('falls back to the default locale for an invalid tag instead of throwing', () => {
    assert.equal(resolveLocale('not a locale!'), undefined);
    assert.equal(formatCount(12345, { locale: 'not a locale!' }), formatCount(12345));
  });

  it('formats nothing for a missing count', () => {
    assert.equal(formatCount(null), '');
    assert.equal(formatCount(Number.NaN), '');
  });
});

// The service's table: what the badge, shields, LaMetric and AWTRIX say of each count
// (CompactNumberTest reads the same file).
const SERVICE_TABLE = JSON.parse(readFileSync(
  new URL('../../../src/test/resources/format/compact-numbers.json', import.meta.url), 'utf8'));

describe('compact counts', () => {
  it('say in English exactly what the service says, cut to three figures, never rounded up', () => {
    const { cases } = SERVICE_TABLE;
    assert.ok(cases.length >= 30, 'the whole table is read');
    assert.deepEqual(
      cases.map(({ count }) => `${count} → ${formatCount(count, { locale: 'en-US', format: 'compact' })}`),
      cases.map(({ count, compact }) => `${count} → ${compact}`));
    assert.equal(formatCount(9999, { locale: 'en-GB', format: 'compact' }), '9.99k');
    assert.equal(formatCount(9999, { locale: 'en', format: 'compact' }), '9.99k');
  });

  it('show a change the same way, with its sign (a true minus, ±0 for none)', () => {
    const { cases } = SERVICE_TABLE;
    const signed = (compact) => (compact === '0' ? '±0' : compact.startsWith('-') ? `\u2212${compact.slice(1)}` : `+${compact}`);
    assert.deepEqual(
      cases.map(({ count }) => `${count} → ${signedCount(count, { locale: 'en-US', format: 'compact' })}`),
      cases.map(({ count, compact }) => `${count} → ${signed(compact)}`));
  });

  it("keep other languages' words and digits, cut the same way", () => {
    const compact = (count, locale) => formatCount(count, { locale, format: 'compact' });
    assert.equal(compact(1234567, 'de-DE'), '1,23\u00a0Mio.');
    assert.equal(compact(1999999, 'de-DE'), '1,99\u00a0Mio.', 'not 2 Mio. before two million');
    assert.equal(compact(99999, 'ja-JP'), '9.99万', 'not 10万');
    assert.equal(compact(1234, 'ar-EG'), '١٫٢٣\u00a0ألف');
    assert.equal(signedCount(-1999999, { locale: 'de-DE', format: 'compact' }), '\u22121,99\u00a0Mio.');
    assert.equal(compact(999, 'de-DE'), '999');
  });

  it('write the whole count where a language has no short word for its size, not a cut one', () => {
    // German abbreviates from a million, Japanese from 10,000: "1230" would read as a wrong count.
    assert.equal(formatCount(1234, { locale: 'de-DE', format: 'compact' }), '1.234');
    assert.equal(formatCount(999999, { locale: 'de-DE', format: 'compact' }), '999.999');
    assert.equal(formatCount(9999, { locale: 'ja-JP', format: 'compact' }), '9,999');
    assert.equal(signedCount(-9999, { locale: 'de-DE', format: 'compact' }), '\u22129.999');
  });

  it('formats nothing for a missing count', () => {
    assert.equal(formatCount(Number.NaN, { format: 'compact' }), '');
    assert.equal(signedCount(Number.POSITIVE_INFINITY, { format: 'compact' }), '');
  });
});

describe('digitGlyphs', () => {
  it("lists the locale's digits in order", () => {
    assert.deepEqual(digitGlyphs('en-US'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.deepEqual(digitGlyphs('ar-EG'), ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩']);
  });

  it('returns the same array for the same locale, so the odometer keeps its cells', () => {
    assert.equal(digitGlyphs('en-US'), digitGlyphs('en-US'));
  });
});

describe('announceCount', () => {
  it('reads the full number with its label', () => {
    assert.equal(announceCount(12346, { locale: 'en-US' }), '12,346 followers');
    assert.equal(announceCount(1234567, { locale: 'en-US', label: 'subscribers' }), '1,234,567 subscribers');
  });
});

describe('relativeAge', () => {
  const at = '2026-11-28T10:00:00Z';
  const after = (seconds) => Date.parse(at) + seconds * 1000;

  it('says how long ago the data was refreshed', () => {
    assert.equal(relativeAge(at, after(5 * 60), { locale: 'en-US' }), '5 minutes ago');
    assert.equal(relativeAge(at, after(5 * 60 + 59), { locale: 'en-US' }), '5 minutes ago');
    assert.equal(relativeAge(at, after(45), { locale: 'en-US' }), '45 seconds ago');
    assert.equal(relativeAge(at, after(2 * 3600), { locale: 'en-US' }), '2 hours ago');
    assert.equal(relativeAge(at, after(26 * 3600), { locale: 'en-US' }), 'yesterday');
    assert.equal(relativeAge(at, after(3 * 86400), { locale: 'en-US' }), '3 days ago');
  });

  it('says "now" for a few seconds and for a reader clock behind the server', () => {
    assert.equal(relativeAge(at, after(3), { locale: 'en-US' }), 'now');
    assert.equal(relativeAge(at, after(-30), { locale: 'en-US' }), 'now');
  });

  it('speaks the locale', () => {
    assert.equal(relativeAge(at, after(5 * 60), { locale: 'de-DE' }), 'vor 5 Minuten');
  });

  it('is empty for a missing or unreadable timestamp', () => {
    assert.equal(relativeAge(null, after(60)), '');
    assert.equal(relativeAge('yesterday-ish', after(60)), '');
  });

  it('makes the stale badge text', () => {
    assert.equal(updatedAgo(at, after(5 * 60), { locale: 'en-US' }), 'updated 5 minutes ago');
    assert.equal(updatedAgo(at, after(2), { locale: 'en-GB' }), 'updated just now');
    assert.equal(updatedAgo(undefined, after(5 * 60)), '');
  });

  it('gives other languages the bare relative time rather than mixing in English', () => {
    assert.equal(updatedAgo(at, after(5 * 60), { locale: 'de-DE' }), 'vor 5 Minuten');
  });
});

describe('growthLine', () => {
  const growth = (windows) => ({ oneDay: null, sevenDays: null, thirtyDays: null, approximate: false, ...windows });

  it('shows the change over the last day with its sign', () => {
    assert.deepEqual(growthLine(growth({ oneDay: 312, sevenDays: 2100 }), { locale: 'en-US' }),
      { text: '+312 today', speech: '312 more followers today', trend: 'up', note: null });
  });

  it('shows a loss with a minus sign, and says it in words', () => {
    assert.deepEqual(growthLine(growth({ oneDay: -40 }), { locale: 'en-US' }),
      { text: '\u221240 today', speech: '40 fewer followers today', trend: 'down', note: null });
  });

  it('shows no change as ±0, not as a bare 0 that reads as missing', () => {
    assert.deepEqual(growthLine(growth({ oneDay: 0 }), { locale: 'en-US' }),
      { text: '±0 today', speech: 'no change today', trend: 'flat', note: null });
  });

  it('marks the growth of a rounding provider as approximate', () => {
    const line = growthLine(growth({ oneDay: 1000, approximate: true }), { locale: 'en-US' });
    assert.equal(line.text, '≈ +1,000 today');
    assert.equal(line.speech, 'roughly 1,000 more followers today');
  });

  it('falls back to the 7-day, then the 30-day window while the shorter one is unknown', () => {
    assert.equal(growthLine(growth({ sevenDays: 2100 }), { locale: 'en-US' }).text, '+2,100 in 7 days');
    assert.equal(growthLine(growth({ sevenDays: 2100 }), { locale: 'en-US' }).speech,
      '2,100 more followers in the last 7 days');
    assert.equal(growthLine(growth({ thirtyDays: -9000 }), { locale: 'en-US' }).text, '\u22129,000 in 30 days');
  });

  it('says when it counts only some of the sources, and why', () => {
    const line = growthLine(growth({ oneDay: 312 }), { locale: 'en-US', partial: { covered: 1, of: 2 } });
    assert.deepEqual(line, {
      text: '+312 today · 1 of 2 sources',
      speech: '312 more followers today. Counting 1 of 2 sources: the others have less than a day of history',
      trend: 'up',
      note: 'Counting 1 of 2 sources: the others have less than a day of history',
    });
    assert.equal(growthLine(growth({ sevenDays: -9999, approximate: true }), { locale: 'en-US', format: 'compact', partial: { covered: 2, of: 3 } }).text,
      '≈ \u22129.99k in 7 days · 2 of 3 sources');
  });

  it('shows nothing when no window is known, or there is no growth at all (history off, no data)', () => {
    assert.equal(growthLine(growth({}), { locale: 'en-US' }), null);
    assert.equal(growthLine(null, { locale: 'en-US' }), null);
    assert.equal(growthLine(undefined), null);
  });

  it("follows the locale, the format and the ticker's label", () => {
    assert.equal(growthLine(growth({ oneDay: 12345 }), { locale: 'de-DE' }).text, '+12.345 today');
    assert.equal(growthLine(growth({ oneDay: 12345 }), { locale: 'en-US', format: 'compact' }).text, '+12.3k today');
    assert.equal(growthLine(growth({ oneDay: -9999 }), { locale: 'en-US', format: 'compact' }).text, '\u22129.99k today');
    assert.equal(growthLine(growth({ oneDay: 5 }), { locale: 'en-US', label: 'stars' }).speech, '5 more stars today');
  });
});

describe('signedCount', () => {
  it('keeps a minus the locale writes itself', () => {
    // Swedish writes U+2212 already; nothing is replaced twice.
    assert.equal(signedCount(-1500, { locale: 'sv-SE' }), '\u22121\u00a0500');
    assert.equal(signedCount(1500, { locale: 'sv-SE' }), '+1\u00a0500');
  });

  it('formats nothing for a missing change', () => {
    assert.equal(signedCount(Number.NaN), '');
  });
});
