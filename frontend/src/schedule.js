// When to poll next. Pure arithmetic, so the back-off schedule is tested exactly.

export const MIN_INTERVAL_MS = 2_000;
export const DEFAULT_INTERVAL_MS = 10_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The poll interval in ms: the element's attribute wins, then the service's ui-config,
 * then the built-in default. Never below the minimum, so a typo cannot hammer the service.
 */
export function pollIntervalMs(attributeSeconds, configSeconds) {
  for (const candidate of [attributeSeconds, configSeconds]) {
    if (candidate === null || candidate === undefined || candidate === '') continue;
    const seconds = Number(candidate);
    if (Number.isFinite(seconds) && seconds > 0) {
      return Math.max(MIN_INTERVAL_MS, Math.round(seconds * 1000));
    }
  }
  return DEFAULT_INTERVAL_MS;
}

/** Retry-After as ms from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value, nowMs) {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/**
 * Delay before the next poll.
 * - No failure: the poll interval.
 * - The service said Retry-After: that, but not faster than the interval nor beyond the cap.
 * - Otherwise exponential: interval × 2^failures, capped; a little jitter (down only, so
 *   the cap holds) keeps many embedded tickers from returning to a recovering service at
 *   the same instant.
 */
export function nextDelay({
  intervalMs,
  failures = 0,
  retryAfterMs = null,
  maxMs = MAX_BACKOFF_MS,
  jitter = 0.1,
  random = Math.random,
}) {
  if (failures <= 0) return intervalMs;
  const cap = Math.max(intervalMs, maxMs);
  if (retryAfterMs !== null) return clamp(retryAfterMs, intervalMs, cap);
  const exponential = Math.min(cap, intervalMs * 2 ** Math.min(failures, 30));
  return Math.round(exponential * (1 - jitter * random()));
}

function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}
