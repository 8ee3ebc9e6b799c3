// Test doubles for the poller: a manual clock with timers, and a scripted fetch.
// Time only moves when a test says so; nothing here sleeps.

import { setImmediate as macrotask } from 'node:timers/promises';

export class FakeClock {
  #now;
  #timers = new Map();
  #nextId = 1;

  constructor(start = Date.parse('2026-11-28T10:00:00Z')) {
    this.#now = start;
  }

  now = () => this.#now;

  setTimeout = (callback, delay = 0) => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, delay), callback });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  /** Delays of the timers now pending, soonest first. */
  get pending() {
    return [...this.#timers.values()].map((t) => t.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing due timers in order and letting their async work settle. */
  async advance(ms) {
    const target = this.#now + ms;
    for (;;) {
      await settle();
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= target)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#now = timer.at;
      timer.callback();
    }
    this.#now = target;
    await settle();
  }
}

/** Lets pending promise chains (fetch, response.text()) run to completion. */
export async function settle() {
  for (let i = 0; i < 5; i += 1) await macrotask();
}

/** A Response that counts body reads, to prove unchanged data is not read again. */
export class CountingResponse extends Response {
  static reads = 0;

  async text() {
    CountingResponse.reads += 1;
    return super.text();
  }
}

export function json(body, { status = 200, headers = {} } = {}) {
  return new CountingResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * A fetch that answers from a script: each call takes the next step, the last step
 * repeats. A step is a Response factory, an Error to throw, or 'hang' (never answers
 * until aborted). Calls are recorded with their init.
 */
export function scriptedFetch(steps) {
  const calls = [];
  let index = 0;
  const fetch = (url, init = {}) => {
    calls.push({ url, init });
    const step = steps[Math.min(index, steps.length - 1)];
    index += 1;
    if (step === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (step instanceof Error) return Promise.reject(step);
    return Promise.resolve(step());
  };
  return { fetch, calls };
}

/** A metrics body as the contract shapes it. */
export function metrics(overrides = {}) {
  return {
    total: 12345,
    profile: 'acme',
    refreshedAt: '2026-11-28T10:00:00Z',
    staleAt: '2026-11-28T10:02:00Z',
    stale: false,
    error: null,
    sources: [{
      id: 'instagram-acme', provider: 'instagram', profile: 'acme', total: 12345,
      refreshedAt: '2026-11-28T10:00:00Z', staleAt: '2026-11-28T10:02:00Z', stale: false, error: null,
    }],
    ...overrides,
  };
}

export function failure(code, overrides = {}) {
  return { code, message: `${code} happened`, at: '2026-11-28T10:01:00Z', httpStatus: 500, attempts: 3, ...overrides };
}
