import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DEFAULT_INTERVAL_MS, MAX_BACKOFF_MS, MIN_INTERVAL_MS,
  nextDelay, parseRetryAfter, pollIntervalMs,
} from '../../src/schedule.js';

describe('pollIntervalMs', () => {
  it('prefers the attribute, then ui-config, then the default', () => {
    assert.equal(pollIntervalMs('30', 5), 30_000);
    assert.equal(pollIntervalMs(null, 5), 5_000);
    assert.equal(pollIntervalMs(null, null), DEFAULT_INTERVAL_MS);
    assert.equal(DEFAULT_INTERVAL_MS, 10_000);
  });

  it('never polls faster than every 2 s', () => {
    assert.equal(MIN_INTERVAL_MS, 2_000);
    assert.equal(pollIntervalMs('0.5', null), 2_000);
    assert.equal(pollIntervalMs(null, 1), 2_000);
  });

  it('ignores values that are not a positive number', () => {
    assert.equal(pollIntervalMs('soon', 4), 4_000);
    assert.equal(pollIntervalMs('-3', null), DEFAULT_INTERVAL_MS);
    assert.equal(pollIntervalMs('', 0), DEFAULT_INTERVAL_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');

  it('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(' 5 ', now), 5_000);
  });

  it('reads an HTTP-date', () => {
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now), 0);
  });

  it('is null when absent or unreadable', () => {
    assert.equal(parseRetryAfter(null, now), null);
    assert.equal(parseRetryAfter('later', now), null);
  });
});

describe('nextDelay', () => {
  const intervalMs = 10_000;
  const noJitter = () => 0;

  it('is the poll interval while polls succeed', () => {
    assert.equal(nextDelay({ intervalMs, failures: 0 }), intervalMs);
  });

  it('doubles with each consecutive failure up to 5 minutes', () => {
    const schedule = [1, 2, 3, 4, 5, 6, 12, 100].map((failures) => nextDelay({ intervalMs, failures, random: noJitter }));
    assert.deepEqual(schedule, [20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000, 300_000]);
    assert.equal(MAX_BACKOFF_MS, 300_000);
  });

  it('jitters down only, so the cap holds and never goes below the interval', () => {
    assert.equal(nextDelay({ intervalMs, failures: 1, random: () => 1 }), 18_000);
    assert.equal(nextDelay({ intervalMs, failures: 10, random: () => 0.5 }), 285_000);
  });

  it("honours the service's Retry-After instead of the exponential schedule", () => {
    assert.equal(nextDelay({ intervalMs, failures: 4, retryAfterMs: 30_000 }), 30_000);
    assert.equal(nextDelay({ intervalMs, failures: 1, retryAfterMs: 90_000 }), 90_000);
  });

  it('keeps Retry-After within the interval and the cap', () => {
    assert.equal(nextDelay({ intervalMs, failures: 1, retryAfterMs: 1_000 }), intervalMs);
    assert.equal(nextDelay({ intervalMs, failures: 1, retryAfterMs: 3_600_000 }), MAX_BACKOFF_MS);
  });
});
