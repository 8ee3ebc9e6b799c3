// Polls the metrics URL and reports one outcome per poll. Fetch, timers and clock are
// injected, so unit tests drive it with fakes and never sleep.
//
// Revalidation: requests use `cache: 'no-cache'`, so the browser's HTTP cache sends
// If-None-Match itself and turns a 304 into the cached 200. Setting If-None-Match by hand
// would make every cross-origin poll a preflighted request (it is not a CORS-safelisted
// header). An unchanged ETag (or, when it is not exposed, unchanged body text) is
// reported as `changed: false` with the previous parsed body, and is not parsed again.
//
// Every data outcome also carries `skewMs`: the service's clock minus the page's, read from the
// answer's Date header (plus the Age a shared cache adds), so the ticker can judge a body's
// staleAt by the service's time even when the reader's clock is wrong. Every outcome, failures
// included, carries `requestedAtMs`: when the request was sent (page clock), so an answer is known
// to be newer than a moment the ticker judged (see ticker-state.js viewAt), and a failed request
// still counts as the one look the ticker takes at staleAt (see ticker-state.js awaitsCheck).

import { nextDelay, parseRetryAfter } from './schedule.js';

export const REQUEST_TIMEOUT_MS = 15_000;

export class Poller {
  #url;
  #fetch;
  #timers;
  #now;
  #intervalMs;
  #onOutcome;
  #random;
  #requestTimeoutMs;

  #timer = null;
  #inFlight = null;
  #running = false;
  #paused = false;
  #generation = 0;
  #failures = 0;
  #dueAt = 0;
  #polledAt = 0;
  #last = { etag: null, text: null, body: null };

  /**
   * @param {object} options
   * @param {string|URL} options.url metrics URL
   * @param {(url: string, init: object) => Promise<Response>} options.fetch
   * @param {() => number} options.intervalMs read at every scheduling, so a late ui-config applies
   * @param {(outcome: object) => void} options.onOutcome
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   * @param {() => number} [options.now]
   * @param {() => number} [options.random] jitter source for back-off
   * @param {number} [options.requestTimeoutMs] how long a request may take before it is aborted
   */
  constructor({
    url, fetch, intervalMs, onOutcome,
    timers = globalThis, now = Date.now, random = Math.random,
    requestTimeoutMs = REQUEST_TIMEOUT_MS,
  }) {
    this.#url = String(url);
    this.#fetch = fetch;
    this.#intervalMs = intervalMs;
    this.#onOutcome = onOutcome;
    this.#timers = timers;
    this.#now = now;
    this.#random = random;
    this.#requestTimeoutMs = requestTimeoutMs;
  }

  /** Consecutive failed polls; 0 after any success. */
  get failures() {
    return this.#failures;
  }

  /** Starts polling at once. */
  start() {
    if (this.#running) return;
    this.#running = true;
    this.#paused = false;
    this.#poll();
  }

  /** Stops for good: clears the timer and abandons a request in flight. */
  stop() {
    this.#running = false;
    this.#generation += 1;
    this.#clearTimer();
    this.#inFlight?.abort();
    this.#inFlight = null;
  }

  /**
   * Polls at once, unless a request is already in flight or polling is paused or stopped; the
   * next scheduled poll then follows one interval after this one.
   */
  pollNow() {
    if (!this.#running || this.#paused || this.#inFlight) return;
    this.#poll();
  }

  /**
   * The network is back (the browser's `online` event): after failed polls, polls at once instead
   * of waiting out a back-off that may have grown to minutes; after a success there is nothing to
   * catch up, so the schedule stays as it is. A poll that fails again backs off from where it was.
   */
  networkBack() {
    if (this.#failures === 0) return;
    this.pollNow();
  }

  /**
   * Applies a shorter poll interval at once (the service's ui-config arrived after the first poll
   * was scheduled on the default): the next poll comes one new interval after the last, not one
   * old interval. Back-off after failures is left alone.
   */
  intervalChanged() {
    if (!this.#running || this.#paused || this.#inFlight || this.#failures > 0) return;
    const due = this.#polledAt + this.#intervalMs();
    if (due >= this.#dueAt) return;
    this.#dueAt = due;
    this.#schedule(Math.max(0, due - this.#now()));
  }

  /** Holds polling (e.g. while the page is hidden); a request in flight still reports. */
  pause() {
    if (!this.#running) return;
    this.#paused = true;
    this.#clearTimer();
  }

  /** Resumes: polls now if a poll fell due while paused, else waits out the remainder. */
  resume() {
    if (!this.#running || !this.#paused) return;
    this.#paused = false;
    if (this.#inFlight) return;
    this.#schedule(Math.max(0, this.#dueAt - this.#now()));
  }

  async #poll() {
    this.#clearTimer();
    if (!this.#running || this.#inFlight) return;
    const generation = this.#generation;
    const controller = new AbortController();
    this.#inFlight = controller;
    const timeout = this.#timers.setTimeout(() => controller.abort(), this.#requestTimeoutMs);
    const requestedAtMs = this.#now();
    this.#polledAt = requestedAtMs;
    let outcome;
    try {
      outcome = await this.#request(controller.signal);
    } catch {
      // Network failure, CORS refusal, abort on timeout: all mean "cannot reach the service".
      outcome = { type: 'offline' };
    } finally {
      this.#timers.clearTimeout(timeout);
    }
    if (generation !== this.#generation) return;
    this.#inFlight = null;
    outcome.requestedAtMs = requestedAtMs;

    this.#failures = outcome.type === 'data' ? 0 : this.#failures + 1;
    const delay = nextDelay({
      intervalMs: this.#intervalMs(),
      failures: this.#failures,
      retryAfterMs: outcome.retryAfterMs ?? null,
      random: this.#random,
    });
    this.#dueAt = this.#now() + delay;
    this.#schedule(delay);
    try {
      this.#onOutcome(outcome);
    } catch {
      // A failing listener must neither stop polling nor surface as an unhandled rejection.
    }
  }

  async #request(signal) {
    const response = await this.#fetch(this.#url, {
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
      signal,
    });
    const etag = response.headers.get('ETag');
    const skewMs = clockSkewMs(response.headers.get('Date'), response.headers.get('Age'), this.#now());

    if (response.status === 304 || (response.ok && etag && etag === this.#last.etag)) {
      await discard(response);
      return { type: 'data', body: this.#last.body, changed: false, skewMs };
    }

    const text = await response.text();
    if (!response.ok) {
      return {
        type: 'unavailable',
        status: response.status,
        body: parseJson(text),
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), this.#now()),
      };
    }
    if (text === this.#last.text) {
      this.#last.etag = etag;
      return { type: 'data', body: this.#last.body, changed: false, skewMs };
    }
    const body = parseJson(text);
    if (body === null) return { type: 'invalid' };
    this.#last = { etag, text, body };
    return { type: 'data', body, changed: true, skewMs };
  }

  #schedule(delay) {
    this.#clearTimer();
    if (!this.#running || this.#paused) return;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = null;
      this.#poll();
    }, delay);
  }

  #clearTimer() {
    if (this.#timer !== null) {
      this.#timers.clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}

/**
 * The service's "now" minus the page's, in ms, or null when the answer has no readable Date.
 * Date is when the origin made the answer and Age how long a cache has held it since, so their
 * sum is the service's time at receipt (a cache that rewrites Date, as nginx does, sends no Age).
 * Date has one-second resolution: the estimate is up to a second early, never late.
 */
export function clockSkewMs(dateHeader, ageHeader, receivedAtMs) {
  const date = Date.parse(dateHeader ?? '');
  if (!Number.isFinite(date)) return null;
  const age = Number.parseInt(ageHeader ?? '', 10);
  return date + (Number.isFinite(age) && age > 0 ? age * 1000 : 0) - receivedAtMs;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// An unread body holds its connection open until garbage collection.
async function discard(response) {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}
