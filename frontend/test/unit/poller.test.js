import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { Poller, REQUEST_TIMEOUT_MS, clockSkewMs } from '../../src/poller.js';
import { CountingResponse, FakeClock, json, metrics, scriptedFetch, settle } from './fakes.js';

const URL = 'https://ticker.example/api/metrics';
const INTERVAL = 2_000;
const noJitter = () => 0;

function startPoller(steps, { clock = new FakeClock(), intervalMs = () => INTERVAL } = {}) {
  const { fetch, calls } = scriptedFetch(steps);
  const outcomes = [];
  const poller = new Poller({
    url: URL, fetch, intervalMs, timers: clock, now: clock.now, random: noJitter,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  poller.start();
  return { poller, calls, outcomes, clock };
}

const ok = (body, etag) => () => json(body, { headers: etag ? { ETag: etag } : {} });

describe('Poller', () => {
  beforeEach(() => {
    CountingResponse.reads = 0;
  });

  it('polls at once, then every interval', async () => {
    const { calls, outcomes, clock } = startPoller([ok(metrics())]);
    await settle();
    assert.equal(calls.length, 1);
    assert.equal(outcomes[0].type, 'data');
    await clock.advance(INTERVAL - 1);
    assert.equal(calls.length, 1);
    await clock.advance(1);
    assert.equal(calls.length, 2);
    await clock.advance(INTERVAL * 3);
    assert.equal(calls.length, 5);
  });

  it("lets the browser cache revalidate, without a header that would need a CORS preflight", async () => {
    const { calls } = startPoller([ok(metrics())]);
    await settle();
    const { init } = calls[0];
    assert.equal(init.cache, 'no-cache');
    assert.deepEqual(Object.keys(init.headers), ['Accept']);
    assert.ok(init.signal instanceof AbortSignal);
  });

  it('reports an unchanged ETag as unchanged, without reading or parsing the body again', async () => {
    const { outcomes, clock } = startPoller([ok(metrics(), '"a"'), ok(metrics(), '"a"'), ok(metrics({ total: 12346 }), '"b"')]);
    await settle();
    assert.equal(outcomes[0].changed, true);
    assert.equal(CountingResponse.reads, 1);

    await clock.advance(INTERVAL);
    assert.equal(outcomes[1].changed, false);
    assert.equal(outcomes[1].body, outcomes[0].body, 'the same parsed body is handed on');
    assert.equal(CountingResponse.reads, 1, 'the unchanged body was not read');

    await clock.advance(INTERVAL);
    assert.equal(outcomes[2].changed, true);
    assert.equal(outcomes[2].body.total, 12346);
  });

  it('falls back to comparing the body text when no ETag is exposed', async () => {
    const { outcomes, clock } = startPoller([ok(metrics()), ok(metrics()), ok(metrics({ total: 1 }))]);
    await clock.advance(INTERVAL * 2);
    assert.deepEqual(outcomes.map((o) => o.changed), [true, false, true]);
    assert.equal(outcomes[1].body, outcomes[0].body);
  });

  it("reads the service's clock from Date and a cache's Age, for changed and unchanged answers", async () => {
    // The fake clock reads 10:00:00 (page time); the service says 10:05:00, a cache held it 30 s.
    const dated = (etag) => () => json(metrics(), { headers: { ETag: etag, Date: 'Sat, 28 Nov 2026 10:05:00 GMT', Age: '30' } });
    const { outcomes, clock } = startPoller([dated('"a"'), dated('"a"'), ok(metrics(), '"a"')]);
    await clock.advance(INTERVAL * 2);
    assert.equal(outcomes[0].skewMs, 5 * 60_000 + 30_000);
    assert.equal(outcomes[1].changed, false);
    assert.equal(outcomes[1].skewMs, 5 * 60_000 + 30_000 - INTERVAL, 'measured again at each answer');
    assert.equal(outcomes[2].skewMs, null, 'no Date: unknown, not zero');
  });

  it('computes the skew from Date plus Age, ignoring what is unreadable', () => {
    const page = Date.parse('2026-11-28T10:00:00Z');
    assert.equal(clockSkewMs('Sat, 28 Nov 2026 10:00:00 GMT', null, page), 0);
    assert.equal(clockSkewMs('Sat, 28 Nov 2026 09:59:00 GMT', '60', page), 0, 'an old copy that sat in a cache');
    assert.equal(clockSkewMs('Sat, 28 Nov 2026 10:00:10 GMT', 'soon', page), 10_000);
    assert.equal(clockSkewMs('yesterday', '5', page), null);
    assert.equal(clockSkewMs(null, null, page), null);
  });

  it('treats a 304 as unchanged', async () => {
    const notModified = () => new CountingResponse(null, { status: 304, headers: { ETag: '"a"' } });
    const { outcomes, clock } = startPoller([ok(metrics(), '"a"'), notModified]);
    await clock.advance(INTERVAL);
    assert.equal(outcomes[1].type, 'data');
    assert.equal(outcomes[1].changed, false);
    assert.equal(outcomes[1].body.total, 12345);
  });

  it('reports a network failure as offline and backs off exponentially', async () => {
    const { outcomes, clock, poller } = startPoller([new TypeError('Failed to fetch')]);
    await settle();
    assert.equal(outcomes[0].type, 'offline');
    assert.equal(poller.failures, 1);
    assert.deepEqual(clock.pending, [INTERVAL * 2]);
    await clock.advance(INTERVAL * 2);
    assert.deepEqual(clock.pending, [INTERVAL * 4]);
    await clock.advance(INTERVAL * 4);
    assert.deepEqual(clock.pending, [INTERVAL * 8]);
    assert.equal(poller.failures, 3);
  });

  it('caps the back-off at 5 minutes', async () => {
    const { clock } = startPoller([new TypeError('Failed to fetch')]);
    await settle();
    const delays = [];
    for (let poll = 0; poll < 10; poll += 1) {
      delays.push(clock.pending[0]);
      await clock.advance(clock.pending[0]);
    }
    assert.deepEqual(delays, [4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
  });

  it('resets to the interval after a success', async () => {
    const { clock, poller } = startPoller([new TypeError('down'), new TypeError('down'), ok(metrics())]);
    await clock.advance(INTERVAL * 2 + INTERVAL * 4);
    assert.equal(poller.failures, 0);
    assert.deepEqual(clock.pending, [INTERVAL]);
  });

  it('waits as long as a 503 Retry-After says, and hands on the body', async () => {
    const body = metrics({ total: null, stale: true, error: { code: 'NO_DATA' }, sources: [] });
    const unavailable = () => json(body, { status: 503, headers: { 'Retry-After': '7' } });
    const { outcomes, clock } = startPoller([unavailable]);
    const start = clock.now();
    await settle();
    assert.deepEqual(outcomes[0], { type: 'unavailable', status: 503, body, retryAfterMs: 7_000, requestedAtMs: start });
    assert.deepEqual(clock.pending, [7_000]);
  });

  it('reports a non-JSON error page as unavailable with no body', async () => {
    const badGateway = () => new CountingResponse('<h1>Bad gateway</h1>', { status: 502 });
    const { outcomes, clock } = startPoller([badGateway]);
    const start = clock.now();
    await settle();
    assert.deepEqual(outcomes[0], { type: 'unavailable', status: 502, body: null, retryAfterMs: null, requestedAtMs: start });
  });

  it('reports a 200 that is not JSON as invalid, and backs off', async () => {
    const html = () => new CountingResponse('<!doctype html>', { status: 200 });
    const { outcomes, clock } = startPoller([html]);
    await settle();
    assert.equal(outcomes[0].type, 'invalid');
    assert.deepEqual(clock.pending, [INTERVAL * 2]);
  });

  it('gives up on a request that hangs, as offline', async () => {
    const { outcomes, clock } = startPoller(['hang']);
    await clock.advance(REQUEST_TIMEOUT_MS - 1);
    assert.equal(outcomes.length, 0);
    await clock.advance(1);
    assert.equal(outcomes[0].type, 'offline');
  });

  it('stops polling and abandons the request in flight when stopped', async () => {
    const { poller, calls, outcomes, clock } = startPoller(['hang']);
    await settle();
    const { signal } = calls[0].init;
    poller.stop();
    assert.ok(signal.aborted);
    await clock.advance(60 * 60_000);
    assert.equal(calls.length, 1);
    assert.equal(outcomes.length, 0, 'nothing is reported after stop');
    assert.deepEqual(clock.pending, []);
  });

  it('holds while paused and polls on resume once a poll is due', async () => {
    const { poller, calls, clock } = startPoller([ok(metrics())]);
    await settle();
    poller.pause();
    await clock.advance(INTERVAL * 10);
    assert.equal(calls.length, 1);
    poller.resume();
    await clock.advance(0);
    assert.equal(calls.length, 2);
  });

  it('on resume before a poll is due, waits out the rest of the interval', async () => {
    const { poller, calls, clock } = startPoller([ok(metrics())]);
    await settle();
    poller.pause();
    await clock.advance(500);
    poller.resume();
    assert.deepEqual(clock.pending, [INTERVAL - 500]);
    await clock.advance(INTERVAL - 500);
    assert.equal(calls.length, 2);
  });

  it('reads the interval at each scheduling, so a late ui-config applies', async () => {
    let interval = INTERVAL;
    const { clock } = startPoller([ok(metrics())], { intervalMs: () => interval });
    await settle();
    interval = 5_000;
    await clock.advance(INTERVAL);
    assert.deepEqual(clock.pending, [5_000]);
  });

  it('keeps polling when the listener throws', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = scriptedFetch([ok(metrics())]);
    const poller = new Poller({
      url: URL, fetch, intervalMs: () => INTERVAL, timers: clock, now: clock.now,
      onOutcome: () => { throw new Error('render failed'); },
    });
    poller.start();
    await clock.advance(INTERVAL);
    assert.equal(calls.length, 2);
    poller.stop();
  });

  it('tells when each request was sent, answered or failed, so an answer is known to be newer than a moment', async () => {
    const { outcomes, clock } = startPoller([ok(metrics(), '"a"'), new TypeError('down')]);
    const start = clock.now();
    await settle();
    await clock.advance(INTERVAL);
    assert.deepEqual(outcomes.map((outcome) => [outcome.type, outcome.requestedAtMs]),
      [['data', start], ['offline', start + INTERVAL]]);
  });

  it('polls now when asked, and paces the next poll from there', async () => {
    const { poller, calls, clock } = startPoller([ok(metrics(), '"a"')]);
    await settle();
    await clock.advance(500);
    poller.pollNow();
    await settle();
    assert.equal(calls.length, 2);
    assert.deepEqual(clock.pending, [INTERVAL], 'one timer, a whole interval after the extra poll');
    await clock.advance(INTERVAL - 1);
    assert.equal(calls.length, 2);
    await clock.advance(1);
    assert.equal(calls.length, 3);
  });

  it('polls at once when the network is back after failures, instead of waiting out the back-off', async () => {
    const down = new TypeError('Failed to fetch');
    const { poller, calls, outcomes, clock } = startPoller([down, down, down, down, ok(metrics(), '"a"')]);
    await settle();
    for (const failures of [1, 2, 3]) {
      await clock.advance(INTERVAL * 2 ** failures);
    }
    assert.equal(calls.length, 4);
    assert.deepEqual(clock.pending, [INTERVAL * 2 ** 4], 'backed off to 32 s');
    poller.networkBack();
    await settle();
    assert.equal(calls.length, 5, 'asked at once');
    assert.equal(outcomes.at(-1).type, 'data');
    assert.deepEqual(clock.pending, [INTERVAL], 'and back to the interval');
  });

  it('leaves the schedule alone when the network is back after a success', async () => {
    const { poller, calls, clock } = startPoller([ok(metrics(), '"a"')]);
    await settle();
    await clock.advance(500);
    poller.networkBack();
    await settle();
    assert.equal(calls.length, 1, 'no extra request');
    assert.deepEqual(clock.pending, [INTERVAL - 500]);
  });

  it('does not poll now while a request is in flight, paused or stopped', async () => {
    const { poller, calls, clock } = startPoller(['hang']);
    await settle();
    poller.pollNow();
    await settle();
    assert.equal(calls.length, 1, 'in flight: no second request');
    await clock.advance(REQUEST_TIMEOUT_MS);
    poller.pause();
    poller.pollNow();
    await settle();
    assert.equal(calls.length, 1, 'paused');
    poller.stop();
    poller.pollNow();
    await settle();
    assert.equal(calls.length, 1, 'stopped');
  });

  it('applies a shorter interval at once, counted from the last poll', async () => {
    let intervalMs = 10_000;
    const { poller, calls, clock } = startPoller([ok(metrics(), '"a"')], { intervalMs: () => intervalMs });
    await settle();
    assert.deepEqual(clock.pending, [10_000], 'first paced on the default');
    await clock.advance(500);
    intervalMs = 2_000;
    poller.intervalChanged();
    assert.deepEqual(clock.pending, [1_500], 'two seconds after the first poll, not ten');
    await clock.advance(1_500);
    assert.equal(calls.length, 2);
    intervalMs = 30_000;
    poller.intervalChanged();
    assert.deepEqual(clock.pending, [2_000], 'a longer interval waits for the next scheduling');
  });
});
