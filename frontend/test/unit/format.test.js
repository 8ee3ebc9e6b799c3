import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { announceCount, digitGlyphs, formatCount, relativeAge, resolveLocale, updatedAgo } from '../../src/format.js';

describe('formatCount', () => {
  it('groups digits in full format by default', () => {
    assert.equal(formatCount(12345, { locale: 'en-US' }), '12,345');
    assert.equal(formatCount(1234567, { locale: 'en-US', format: 'full' }), '1,234,567');
  });

  it('abbreviates in compact format', () => {
    assert.equal(formatCount(12345, { locale: 'en-US', format: 'compact' }), '12.3K');
    assert.equal(formatCount(1234567, { locale: 'en-US', format: 'compact' }), '1.2M');
    assert.equal(formatCount(999, { locale: 'en-US', format: 'compact' }), '999');
  });

  it("follows the reader's locale", () => {
    assert.equal(formatCount(12345, { locale: 'de-DE' }), '12.345');
    assert.equal(formatCount(1234567, { locale: 'de-DE', format: 'compact' }), '1,2\u00a0Mio.');
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
