// The page's staleness judgement behind a shared cache, played out on a fake clock: the real
// Poller and ticker-state.js read a model of nginx's proxy_cache with the README's settings
// (a copy is fresh for the service's max-age; once expired, the next reader gets the old copy
// while one background request fetches the new one; while the service is down, the old copy is
// served), in front of a model of the service (a refresh every period, staleAt = refreshedAt +
// stale-after, max-age = seconds until staleAt less the cache headroom).
//
// The glue between them mirrors ticker.js: each outcome updates the view, then the stale check
// polls at once when a count has passed its staleAt unasked (awaitsCheck) and re-arms a timer
// for msUntilStale. What a reader would see is sampled every 250 ms.
//
// The browser test behind real nginx (ticker.behind-cache.browser.test.mjs) checks the same at
// the fast cadence against the packaged service; this one also covers the production cadence
// over many cycles in no time.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Poller } from '../../src/poller.js';
import { INITIAL_VIEW, awaitsCheck, msUntilStale, nextView, viewAt } from '../../src/ticker-state.js';
import { FakeClock } from './fakes.js';

const SECOND = 1_000;
// ticker.js re-renders this long after the moment msUntilStale names.
const RENDER_MARGIN_MS = 50;
// The Date header's one-second resolution makes the page's estimate of the service's clock up
// to a second early, so the page may turn stale up to that much after staleAt (README).
const DATE_RESOLUTION_MS = 1_000;
const SAMPLE_MS = 250;

/** The service's rule (MetricsResponder.cacheHeadroom): half of stale-after less the period. */
const headroomOf = ({ periodMs, staleAfterMs }) => Math.max(0, (staleAfterMs - periodMs) / 2);

class ServiceModel {
  up = true;
  #clock;
  #cadence;
  #headroomMs;
  #refreshedAt;
  #total = 1000;

  constructor(clock, cadence, { headroomMs = headroomOf(cadence) } = {}) {
    this.#clock = clock;
    this.#cadence = cadence;
    this.#headroomMs = headroomMs;
    this.#refresh();
  }

  // A refresh lands a little after the timer fires, as a real upstream call does.
  #refresh() {
    if (!this.up) return;
    this.#refreshedAt = this.#clock.now();
    this.#total += 7;
    this.#clock.setTimeout(() => this.#refresh(), this.#cadence.periodMs + 300);
  }

  answer() {
    if (!this.up) throw new Error('connection refused');
    const now = this.#clock.now();
    const staleAt = this.#refreshedAt + this.#cadence.staleAfterMs;
    const iso = (ms) => new Date(ms).toISOString();
    const body = {
      total: this.#total, profile: 'demo', refreshedAt: iso(this.#refreshedAt), staleAt: iso(staleAt),
      stale: false, error: null,
      sources: [{ id: 'demo', provider: 'demo', profile: 'demo', total: this.#total,
        refreshedAt: iso(this.#refreshedAt), staleAt: iso(staleAt), stale: false, error: null }],
    };
    const maxAgeSeconds = Math.max(0, Math.floor((staleAt - this.#headroomMs - now) / SECOND));
    return { body, etag: `"${this.#refreshedAt}"`, maxAgeSeconds };
  }
}

/** nginx proxy_cache with proxy_cache_use_stale updating error + proxy_cache_background_update. */
class CacheModel {
  statuses = [];
  #clock;
  #service;
  #entry = null;
  #updating = false;

  constructor(clock, service) {
    this.#clock = clock;
    this.#service = service;
  }

  get() {
    const now = this.#clock.now();
    if (this.#entry === null) {
      this.#store(this.#service.answer(), now);
      return this.#serve('MISS');
    }
    if (now < this.#entry.expiresAt) return this.#serve('HIT');
    if (!this.#service.up) return this.#serve('STALE');
    if (!this.#updating) {
      this.#updating = true;
      this.#clock.setTimeout(() => {
        this.#updating = false;
        try {
          this.#store(this.#service.answer(), this.#clock.now());
        } catch {
          // The service went away meanwhile: keep the old copy.
        }
      }, 20);
      return this.#serve('STALE');
    }
    return this.#serve('UPDATING');
  }

  #store(answer, now) {
    this.#entry = { ...answer, expiresAt: now + answer.maxAgeSeconds * SECOND };
  }

  #serve(status) {
    this.statuses.push(status);
    // nginx answers with its own Date (second resolution) and no Age.
    return new Response(JSON.stringify(this.#entry.body), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ETag: this.#entry.etag, Date: new Date(this.#clock.now()).toUTCString() },
    });
  }
}

/** A page polling through the cache, with ticker.js's stale check, and what it shows over time. */
function openPage(clock, cache, pollMs) {
  const page = { view: INITIAL_VIEW, polls: [], samples: [], poller: null };
  let staleTimer = null;
  const check = () => {
    clock.clearTimeout(staleTimer);
    const now = clock.now();
    if (awaitsCheck(page.view, now)) page.poller.pollNow();
    const ms = msUntilStale(viewAt(page.view, now), now);
    staleTimer = ms === null ? null : clock.setTimeout(check, ms + RENDER_MARGIN_MS);
  };
  page.poller = new Poller({
    url: 'https://cache.example/api/metrics',
    fetch: async () => cache.get(),
    intervalMs: () => pollMs,
    timers: clock,
    now: clock.now,
    random: () => 0,
    onOutcome: (outcome) => {
      page.view = nextView(page.view, outcome);
      const now = clock.now();
      page.polls.push({ at: now, cache: cache.statuses.at(-1), staleAt: page.view.staleAt, state: viewAt(page.view, now).state });
      check();
    },
  });
  const sample = () => {
    const now = clock.now();
    page.samples.push({ at: now, state: viewAt(page.view, now).state, staleAt: page.view.staleAt });
    clock.setTimeout(sample, SAMPLE_MS);
  };
  page.poller.start();
  sample();
  return page;
}

const cadences = {
  // src/main/resources/application-production.yaml with ticker.ui.poll-interval's default.
  production: { periodMs: 60 * SECOND, staleAfterMs: 120 * SECOND, pollMs: 10 * SECOND },
  // The page: the production cadence, polled every 30 s (as often as the headroom allows).
  'production, polled every 30 s': { periodMs: 60 * SECOND, staleAfterMs: 120 * SECOND, pollMs: 30 * SECOND },
  // TickerBehindCacheIT's cadence.
  'fast test': { periodMs: 5 * SECOND, staleAfterMs: 15 * SECOND, pollMs: 2 * SECOND },
};

function distinctBodies(page) {
  return new Set(page.polls.map((poll) => poll.staleAt)).size;
}

describe('behind a shared cache with default settings', () => {
  for (const [name, { pollMs, ...cadence }] of Object.entries(cadences)) {
    it(`a healthy service's page never shows stale (${name}), over ten cache cycles`, async () => {
      const clock = new FakeClock();
      const service = new ServiceModel(clock, cadence);
      const cache = new CacheModel(clock, service);
      const page = openPage(clock, cache, pollMs);

      await clock.advance(10 * cadence.staleAfterMs);

      assert.ok(distinctBodies(page) >= 10, `the page saw ${distinctBodies(page)} cached copies`);
      assert.ok(cache.statuses.includes('HIT') && cache.statuses.includes('STALE'), `cache answers: ${[...new Set(cache.statuses)]}`);
      // Only the sample taken as the page opened, before its first answer, is 'loading'.
      assert.equal(page.samples[0].state, 'loading');
      const shown = page.samples.slice(1);
      const notLive = shown.find((sample) => sample.state !== 'fresh');
      assert.equal(notLive, undefined, `shown ${JSON.stringify(notLive)}; states seen: ${[...new Set(shown.map((s) => s.state))]}`);
      assert.deepEqual([...new Set(page.polls.map((poll) => poll.state))], ['fresh']);
    });

    it(`after an outage the page turns stale at staleAt (${name})`, async () => {
      const clock = new FakeClock();
      const service = new ServiceModel(clock, cadence);
      const cache = new CacheModel(clock, service);
      const page = openPage(clock, cache, pollMs);
      await clock.advance(3 * cadence.staleAfterMs + 1_234);

      service.up = false;
      const outageAt = clock.now();
      await clock.advance(2 * cadence.staleAfterMs);

      const shown = page.samples.filter((sample) => sample.at >= outageAt);
      const firstStale = shown.find((sample) => sample.state === 'stale');
      assert.ok(firstStale, 'the page turned stale');
      const staleAt = Date.parse(firstStale.staleAt);
      assert.ok(firstStale.at >= staleAt, `not before staleAt (${firstStale.at - staleAt} ms)`);
      assert.ok(firstStale.at <= staleAt + DATE_RESOLUTION_MS + RENDER_MARGIN_MS + SAMPLE_MS,
        `stale ${firstStale.at - staleAt} ms after staleAt`);
      assert.ok(shown.filter((sample) => sample.at > firstStale.at).every((sample) => sample.state === 'stale'),
        'and stays stale while the cache answers with the old copy');
      assert.ok(staleAt > outageAt, 'the copy shown was fresh when the service went away');
    });
  }

  it('without the headroom in max-age, the same page flips to stale every cycle (why it is there)', async () => {
    const { pollMs, ...cadence } = cadences.production;
    const clock = new FakeClock();
    const service = new ServiceModel(clock, cadence, { headroomMs: 0 });
    const cache = new CacheModel(clock, service);
    const page = openPage(clock, cache, pollMs);

    await clock.advance(10 * cadence.staleAfterMs);

    const flips = page.samples.filter((sample, i) => sample.state === 'stale' && page.samples[i - 1]?.state === 'fresh');
    assert.ok(flips.length >= 5, `${flips.length} flips to stale`);
  });
});
