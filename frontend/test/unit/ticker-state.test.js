import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  INITIAL_VIEW, INVALID_RESPONSE, SERVICE_UNAVAILABLE, STALE_GRACE_MS,
  awaitsCheck, crossedMilestone, hasFailureReason, hasHistory, isMetricsBody, msUntilStale, nextView, problemMessage, statusText, trendOf, viewAt,
} from '../../src/ticker-state.js';
import { failure, metrics } from './fakes.js';

const data = (body) => ({ type: 'data', body, changed: true });
const fresh = nextView(INITIAL_VIEW, data(metrics()));

describe('nextView', () => {
  it('starts loading, with nothing to show', () => {
    assert.equal(INITIAL_VIEW.state, 'loading');
    assert.equal(INITIAL_VIEW.total, null);
  });

  it('is fresh for a current count', () => {
    assert.equal(fresh.state, 'fresh');
    assert.equal(fresh.total, 12345);
    assert.equal(fresh.profile, 'acme');
    assert.equal(fresh.refreshedAt, '2026-11-28T10:00:00Z');
    assert.equal(fresh.errorCode, null);
  });

  it('is stale when the service says so', () => {
    const view = nextView(fresh, data(metrics({ stale: true })));
    assert.equal(view.state, 'stale');
    assert.equal(view.total, 12345);
  });

  it('is error, with the last-known count, when the latest refresh failed', () => {
    const view = nextView(fresh, data(metrics({ stale: true, error: failure('RATE_LIMITED') })));
    assert.equal(view.state, 'error');
    assert.equal(view.errorCode, 'RATE_LIMITED');
    assert.equal(view.total, 12345);
  });

  it('is offline when the service cannot be reached, keeping the count and its age', () => {
    const view = nextView(fresh, { type: 'offline' });
    assert.equal(view.state, 'offline');
    assert.equal(view.total, 12345);
    assert.equal(view.refreshedAt, fresh.refreshedAt);
  });

  it('is offline without a count when nothing was ever received', () => {
    const view = nextView(INITIAL_VIEW, { type: 'offline' });
    assert.equal(view.state, 'offline');
    assert.equal(view.total, null);
  });

  it('is nodata on a 503 before any count', () => {
    const body = metrics({ total: null, stale: true, error: failure('NO_DATA'), sources: [] });
    const view = nextView(INITIAL_VIEW, { type: 'unavailable', status: 503, body, retryAfterMs: 5000 });
    assert.equal(view.state, 'nodata');
    assert.equal(view.errorCode, 'NO_DATA');
    assert.equal(view.total, null);
  });

  it('keeps a count already shown when the service restarts without data', () => {
    const body = metrics({ total: null, stale: true, error: failure('NO_DATA'), sources: [] });
    const view = nextView(fresh, { type: 'unavailable', status: 503, body });
    assert.equal(view.state, 'error');
    assert.equal(view.total, 12345);
  });

  it('treats any other failed response as the service being unavailable', () => {
    const view = nextView(fresh, { type: 'unavailable', status: 502, body: null });
    assert.equal(view.state, 'error');
    assert.equal(view.errorCode, SERVICE_UNAVAILABLE);
    assert.equal(view.total, 12345);
  });

  it('treats a body outside the contract as unreadable, never as a number', () => {
    for (const body of [null, [], { total: '12' }, { total: -1 }, { total: 1.5 }, { total: 3, sources: 'x' }]) {
      const view = nextView(fresh, data(body));
      assert.equal(view.state, 'error', JSON.stringify(body));
      assert.equal(view.errorCode, INVALID_RESPONSE);
      assert.equal(view.total, 12345);
    }
    assert.equal(nextView(fresh, { type: 'invalid' }).errorCode, INVALID_RESPONSE);
  });

  it('recovers to fresh on the next good answer', () => {
    const offline = nextView(fresh, { type: 'offline' });
    assert.equal(nextView(offline, data(metrics({ total: 12346 }))).state, 'fresh');
  });

  it('describes each source', () => {
    const body = metrics({
      total: 300,
      profile: null,
      sources: [
        { id: 'github-acme', provider: 'github', profile: 'acme', total: 100, stale: false, error: null },
        { id: 'mastodon-acme', provider: 'mastodon', profile: 'acme', total: 200, stale: true, error: null },
        { id: 'youtube-acme', provider: 'youtube', profile: null, total: null, stale: true, error: failure('AUTH_FAILED') },
        { id: 'bluesky-acme', provider: 'bluesky', profile: 'acme', total: 0, stale: false, error: failure('TIMEOUT') },
      ],
    });
    const view = nextView(INITIAL_VIEW, data(body));
    assert.deepEqual(view.sources.map((s) => [s.id, s.state, s.total]), [
      ['github-acme', 'fresh', 100],
      ['mastodon-acme', 'stale', 200],
      ['youtube-acme', 'nodata', null],
      ['bluesky-acme', 'error', 0],
    ]);
    assert.equal(view.profile, null);
  });
});

describe('viewAt: the ticker judges age itself', () => {
  // The body of fakes.metrics(): refreshed 10:00:00, stale at 10:02:00, said "stale: false".
  const at = (iso) => Date.parse(iso);
  const sameClock = (body) => nextView(INITIAL_VIEW, { type: 'data', body, changed: true, skewMs: 0 });

  it('shows a body as it came while its staleAt is ahead', () => {
    const view = sameClock(metrics());
    assert.equal(viewAt(view, at('2026-11-28T10:01:59Z')), view);
    assert.equal(viewAt(view, at('2026-11-28T10:01:59Z')).state, 'fresh');
    assert.equal(msUntilStale(view, at('2026-11-28T10:01:00Z')), 60_000);
  });

  it('shows a body past its staleAt as stale, though it says stale: false (a copy from a cache)', () => {
    const view = viewAt(sameClock(metrics()), at('2026-11-28T13:00:00Z'));
    assert.equal(view.state, 'stale');
    assert.equal(view.total, 12345, 'the count stays on screen');
    assert.equal(view.sources[0].state, 'stale', 'each source row follows the same rule');
    assert.equal(statusText(view, { age: 'updated 3 hours ago' }), 'updated 3 hours ago');
    assert.equal(msUntilStale(view, at('2026-11-28T13:00:00Z')), null, 'nothing fresh left to expire');
  });

  it('judges each source row by its own staleAt', () => {
    const body = metrics({
      staleAt: '2026-11-28T10:01:00Z',
      sources: [
        { id: 'a', provider: 'github', total: 1, refreshedAt: '2026-11-28T09:59:00Z', staleAt: '2026-11-28T10:01:00Z', stale: false, error: null },
        { id: 'b', provider: 'mastodon', total: 2, refreshedAt: '2026-11-28T10:00:00Z', staleAt: '2026-11-28T10:05:00Z', stale: false, error: null },
      ],
    });
    const view = viewAt(sameClock(body), at('2026-11-28T10:03:00Z'));
    assert.deepEqual(view.sources.map((s) => s.state), ['stale', 'fresh']);
    assert.equal(view.state, 'stale', 'the aggregate turns stale with its earliest source');
    assert.equal(msUntilStale(view, at('2026-11-28T10:03:00Z')), 120_000);
  });

  it('corrects the page clock by the skew the service showed', () => {
    // The page's clock runs 5 minutes fast: by it the body looks expired, by the service's it is not.
    // No request was sent after staleAt here, so the count turns stale when the grace ends.
    const fastPage = nextView(INITIAL_VIEW, { type: 'data', body: metrics(), changed: true, skewMs: -5 * 60_000 });
    assert.equal(viewAt(fastPage, at('2026-11-28T10:06:00Z')).state, 'fresh');
    assert.equal(viewAt(fastPage, at('2026-11-28T10:07:00Z') + STALE_GRACE_MS - 1).state, 'fresh');
    assert.equal(viewAt(fastPage, at('2026-11-28T10:07:00Z') + STALE_GRACE_MS).state, 'stale');
    // And 5 minutes slow: the service's clock says stale long before the page's would.
    const slowPage = nextView(INITIAL_VIEW, { type: 'data', body: metrics(), changed: true, skewMs: 5 * 60_000 });
    assert.equal(viewAt(slowPage, at('2026-11-28T09:57:00Z') + STALE_GRACE_MS).state, 'stale');
    // A request sent at the service's staleAt (the page's 10:07) and answered with the same body
    // confirms it at once.
    const checked = nextView(fastPage, {
      type: 'data', body: metrics(), changed: false, skewMs: -5 * 60_000, requestedAtMs: at('2026-11-28T10:07:00Z'),
    });
    assert.equal(viewAt(checked, at('2026-11-28T10:07:00Z') + 20).state, 'stale');
  });

  it('keeps the last known skew when an answer carries no Date', () => {
    const skewed = nextView(INITIAL_VIEW, { type: 'data', body: metrics(), changed: true, skewMs: 60_000 });
    const next = nextView(skewed, { type: 'data', body: metrics(), changed: false });
    assert.equal(next.skewMs, 60_000);
  });

  it('never replaces the count shown with an older body', () => {
    const newer = sameClock(metrics({
      total: 12400, refreshedAt: '2026-11-28T10:05:00Z', staleAt: '2026-11-28T10:07:00Z',
      sources: [{ id: 'instagram-acme', provider: 'instagram', total: 12400, refreshedAt: '2026-11-28T10:05:00Z', staleAt: '2026-11-28T10:07:00Z', stale: false, error: null }],
    }));
    const offline = nextView(newer, { type: 'offline' });
    const afterOlder = nextView(offline, { type: 'data', body: metrics(), changed: true, skewMs: 1000 });
    assert.equal(afterOlder.total, 12400);
    assert.equal(afterOlder.refreshedAt, '2026-11-28T10:05:00Z');
    assert.equal(afterOlder.state, 'fresh', 'the service answered: no longer offline');
    assert.equal(afterOlder.skewMs, 1000);
    assert.equal(viewAt(afterOlder, at('2026-11-28T10:06:00Z')).state, 'fresh', 'judged by the newer staleAt');
  });

  it('never replaces a source row with an older one, while taking the newer rows of the same body', () => {
    const row = (id, total, minute) => ({
      id, provider: 'github', total, refreshedAt: `2026-11-28T10:0${minute}:00Z`,
      staleAt: `2026-11-28T10:0${minute + 2}:00Z`, stale: false, error: null,
    });
    const first = sameClock(metrics({ total: 3, refreshedAt: '2026-11-28T10:00:00Z', sources: [row('a', 1, 5), row('b', 2, 0)] }));
    const next = nextView(first, { type: 'data', changed: true, skewMs: 0,
      body: metrics({ total: 4, refreshedAt: '2026-11-28T10:03:00Z', sources: [row('a', 0, 3), row('b', 3, 6)] }) });
    assert.deepEqual(next.sources.map((s) => [s.id, s.total, s.refreshedAt]), [
      ['a', 1, '2026-11-28T10:05:00Z'],
      ['b', 3, '2026-11-28T10:06:00Z'],
    ]);
  });

  it('takes a newer body, and one with the same refreshedAt (a new failure, a new profile)', () => {
    const first = sameClock(metrics());
    const failed = nextView(first, { type: 'data', changed: true, body: metrics({ stale: true, error: failure('TIMEOUT') }) });
    assert.equal(failed.state, 'error');
    const newer = nextView(failed, { type: 'data', changed: true,
      body: metrics({ total: 12346, refreshedAt: '2026-11-28T10:01:00Z', staleAt: '2026-11-28T10:03:00Z' }) });
    assert.equal(newer.total, 12346);
    assert.equal(newer.state, 'fresh');
  });
});

describe('isMetricsBody', () => {
  it('accepts the contract shape, including a 503 body with a null total', () => {
    assert.ok(isMetricsBody(metrics()));
    assert.ok(isMetricsBody(metrics({ total: null })));
    assert.ok(!isMetricsBody('12345'));
  });
});

describe('problemMessage', () => {
  it('has a short human message for every contract code', () => {
    const codes = ['UPSTREAM_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED', 'AUTH_FAILED', 'NOT_FOUND', 'INVALID_PAYLOAD', 'NO_DATA'];
    const messages = codes.map((code) => problemMessage(code));
    assert.equal(new Set(messages).size, codes.length, 'each code reads differently');
    for (const [i, message] of messages.entries()) {
      assert.ok(!message.includes(codes[i]), `${codes[i]} is not shown raw`);
      assert.ok(message.length < 50, `${message} is short`);
    }
  });

  it('says the count shown is the last known one', () => {
    assert.equal(problemMessage('RATE_LIMITED', { hasValue: true }),
      'Provider is rate-limiting; showing last known count');
  });

  it('never shows an unknown code', () => {
    assert.equal(problemMessage('SOMETHING_NEW'), 'Count could not be refreshed');
  });
});

describe('statusText', () => {
  const age = 'updated 5 minutes ago';

  it('reads per state', () => {
    assert.equal(statusText(INITIAL_VIEW), '');
    assert.equal(statusText(fresh, { age }), 'Live');
    assert.equal(statusText({ ...fresh, state: 'stale' }, { age }), age);
    assert.equal(statusText({ ...fresh, state: 'error', errorCode: 'AUTH_FAILED' }, { age }),
      `Provider refused access; showing last known count · ${age}`);
    assert.equal(statusText({ ...fresh, state: 'offline' }, { age }), `Offline; showing last known count · ${age}`);
    assert.equal(statusText({ ...INITIAL_VIEW, state: 'offline' }, { age }), 'Offline');
    assert.equal(statusText({ ...INITIAL_VIEW, state: 'nodata' }, { fallbackMessage: 'Coming soon' }), 'Coming soon');
  });
});

describe('viewAt at staleAt: the page asks once more before it calls the count stale', () => {
  const at = (iso) => Date.parse(iso);
  // fakes.metrics(): stale at 10:02:00. The page's clock is the service's (skew 0).
  const answer = (body, requestedAt) => ({ type: 'data', body, changed: true, skewMs: 0, requestedAtMs: at(requestedAt) });
  const newer = metrics({
    total: 12400, refreshedAt: '2026-11-28T10:01:00Z', staleAt: '2026-11-28T10:03:00Z',
    sources: [{ id: 'instagram-acme', provider: 'instagram', total: 12400, refreshedAt: '2026-11-28T10:01:00Z', staleAt: '2026-11-28T10:03:00Z', stale: false, error: null }],
  });
  const shown = nextView(INITIAL_VIEW, answer(metrics(), '2026-11-28T10:01:50Z'));

  it('at staleAt, unasked since: still "Live", and a poll is due now', () => {
    const now = at('2026-11-28T10:02:00Z');
    assert.equal(viewAt(shown, now).state, 'fresh');
    assert.ok(awaitsCheck(shown, now));
    assert.equal(msUntilStale(shown, now), STALE_GRACE_MS, 'judged again when the grace ends');
    assert.ok(!awaitsCheck(shown, at('2026-11-28T10:01:59Z')), 'nothing to ask before staleAt');
  });

  it('a newer copy in answer to that poll keeps it "Live": nothing was ever stale', () => {
    const view = nextView(shown, answer(newer, '2026-11-28T10:02:00.050Z'));
    assert.equal(viewAt(view, at('2026-11-28T10:02:01Z')).state, 'fresh');
    assert.ok(!awaitsCheck(view, at('2026-11-28T10:02:01Z')));
    assert.equal(msUntilStale(view, at('2026-11-28T10:02:01Z')), 59_000);
  });

  it('the same copy in answer to it (a cache answering for a stopped service) is stale at once', () => {
    const view = nextView(shown, { ...answer(metrics(), '2026-11-28T10:02:00.050Z'), changed: false });
    const now = at('2026-11-28T10:02:00.080Z');
    assert.equal(viewAt(view, now).state, 'stale');
    assert.equal(viewAt(view, now).sources[0].state, 'stale', 'each source follows the same rule');
    assert.ok(!awaitsCheck(view, now));
    assert.equal(msUntilStale(view, now), null);
  });

  it('an older copy (another cache node) in answer to it confirms too, and keeps the count shown', () => {
    const onNewer = nextView(INITIAL_VIEW, answer(newer, '2026-11-28T10:02:30Z'));
    const view = nextView(onNewer, answer(metrics(), '2026-11-28T10:03:00.050Z'));
    assert.equal(view.total, 12400);
    assert.equal(viewAt(view, at('2026-11-28T10:03:00.080Z')).state, 'stale');
  });

  it('an answer to a request sent before staleAt decides nothing: the page asks again', () => {
    const view = nextView(shown, answer(metrics(), '2026-11-28T10:01:59.990Z'));
    const now = at('2026-11-28T10:02:00.010Z');
    assert.equal(viewAt(view, now).state, 'fresh');
    assert.ok(awaitsCheck(view, now));
  });

  it('with no answer at all (a hung service), stale when the grace ends', () => {
    assert.equal(viewAt(shown, at('2026-11-28T10:02:00Z') + STALE_GRACE_MS - 1).state, 'fresh');
    assert.equal(viewAt(shown, at('2026-11-28T10:02:00Z') + STALE_GRACE_MS).state, 'stale');
    assert.ok(!awaitsCheck(shown, at('2026-11-28T10:02:00Z') + STALE_GRACE_MS));
  });

  it('a look at staleAt that failed (the service away, the network down) is not taken again at once', () => {
    const now = at('2026-11-28T10:02:00.020Z');
    for (const refusal of [
      { type: 'offline' },
      { type: 'unavailable', status: 502, body: null, retryAfterMs: null },
      { type: 'invalid' },
    ]) {
      const view = nextView(shown, { ...refusal, requestedAtMs: at('2026-11-28T10:02:00.010Z') });
      assert.ok(!awaitsCheck(view, now), `${refusal.type}: the poller's back-off paces the next request`);
      assert.equal(viewAt(view, at('2026-11-28T10:02:00Z') + STALE_GRACE_MS).sources[0].state, 'stale',
        `${refusal.type}: stale when the grace ends, as with no answer`);
    }
    const before = nextView(shown, { type: 'offline', requestedAtMs: at('2026-11-28T10:01:59.990Z') });
    assert.ok(awaitsCheck(before, now), 'a failure before staleAt was no look at it: the page asks');
  });

  it('judges the request by the clock estimate it was sent with, not the next answer\'s', () => {
    // Sent at the service's 10:02:00.3 by the estimate then (skew 0); the answer's Date (10:02:00,
    // one-second resolution) lowers the skew by 300 ms. The request still counts as after staleAt.
    const view = nextView(shown, { type: 'data', body: metrics(), changed: false, skewMs: -300, requestedAtMs: at('2026-11-28T10:02:00.300Z') });
    assert.equal(viewAt(view, at('2026-11-28T10:02:00.400Z')).state, 'stale');
  });
});

describe('a source that never had a count and is failing', () => {
  const noCount = (code) => nextView(INITIAL_VIEW, {
    type: 'unavailable', status: 503, retryAfterMs: 5_000,
    body: metrics({ total: null, stale: true, error: failure(code), sources: [] }),
  });

  it('says why under the fallback message, in the words used elsewhere', () => {
    for (const [code, words] of [
      ['UPSTREAM_UNAVAILABLE', 'Provider is unavailable'],
      ['TIMEOUT', 'Provider is not answering in time'],
      ['AUTH_FAILED', 'Provider refused access'],
      ['RATE_LIMITED', 'Provider is rate-limiting'],
    ]) {
      const view = noCount(code);
      assert.equal(view.state, 'nodata', code);
      assert.ok(hasFailureReason(view), code);
      assert.equal(statusText(view, { fallbackMessage: 'Follower count coming soon' }), words);
    }
  });

  it('says only the fallback message while the first refresh has simply not run yet', () => {
    const view = noCount('NO_DATA');
    assert.ok(!hasFailureReason(view));
    assert.equal(statusText(view, { fallbackMessage: 'Follower count coming soon' }), 'Follower count coming soon');
  });
});

describe('growth and the next milestone', () => {
  const growth = { oneDay: 312, sevenDays: 2100, thirtyDays: null, approximate: false };
  const withHistory = (total, nextMilestone, refreshedAt = '2026-11-28T10:00:00Z') =>
    data(metrics({ total, refreshedAt, growth, nextMilestone }));

  it("keeps the body's growth and next milestone", () => {
    const view = nextView(INITIAL_VIEW, withHistory(12345, { value: 15000, eta: '2027-01-15T08:00:00Z' }));
    assert.deepEqual(view.growth, { ...growth, partial: null });
    assert.deepEqual(view.nextMilestone, { value: 15000, eta: '2027-01-15T08:00:00Z' });
    assert.ok(hasHistory(view));
  });

  it('has no history to show without growth (history off, no data) or while every window is unknown', () => {
    assert.equal(hasHistory(fresh), false, 'a body without growth');
    assert.equal(hasHistory(nextView(INITIAL_VIEW, data(metrics({ growth: null })))), false);
    const dayOne = nextView(INITIAL_VIEW, data(metrics({ growth: { oneDay: null, sevenDays: null, thirtyDays: null, approximate: false } })));
    assert.equal(hasHistory(dayOne), false);
    assert.equal(hasHistory(INITIAL_VIEW), false);
  });

  describe('trendOf', () => {
    const unknown = { oneDay: null, sevenDays: null, thirtyDays: null, approximate: false };
    const twoSources = (bodyGrowth) => nextView(INITIAL_VIEW, data(metrics({
      total: 29190,
      profile: null,
      growth: bodyGrowth,
      sources: [
        { id: 'demo-alpha', provider: 'demo', profile: 'alpha', total: 16918, refreshedAt: '2026-11-28T10:00:00Z', staleAt: '2026-11-28T10:02:00Z', stale: false, error: null },
        { id: 'demo-beta', provider: 'demo', profile: 'beta', total: 12272, refreshedAt: '2026-11-28T10:00:00Z', staleAt: '2026-11-28T10:02:00Z', stale: false, error: null },
      ],
    })));

    it("is the body's growth while it knows a window", () => {
      const view = twoSources({ ...unknown, oneDay: 70 });
      assert.deepEqual(trendOf(view), { growth: view.growth, partial: null });
    });

    it('is the growth of the sources that have it, saying which, while one of two was backfilled', () => {
      const view = twoSources({ ...unknown, partial: { oneDay: 58, sevenDays: 298, thirtyDays: 1218, approximate: false, sources: ['demo-alpha'] } });
      assert.deepEqual(trendOf(view), {
        growth: { oneDay: 58, sevenDays: 298, thirtyDays: 1218, approximate: false, sources: ['demo-alpha'] },
        partial: { sources: ['demo-alpha'], covered: 1, of: 2, total: 16918 },
      });
      assert.ok(hasHistory(view), 'a line to draw and a change to show');
    });

    it('is nothing while neither the whole nor the part knows a window, or the part names no source shown', () => {
      assert.equal(trendOf(twoSources(unknown)), null);
      assert.equal(trendOf(twoSources({ ...unknown, partial: { ...unknown, sources: ['demo-alpha'] } })), null);
      assert.equal(trendOf(twoSources({ ...unknown, partial: { ...unknown, oneDay: 5, sources: ['demo-gone'] } })), null);
      assert.equal(trendOf(twoSources({ ...unknown, partial: { ...unknown, oneDay: 5, sources: 'demo-alpha' } })), null,
        'an unreadable part is none');
      assert.equal(trendOf(INITIAL_VIEW), null);
    });
  });

  it('reads an unreadable growth or milestone as none, not as a number', () => {
    const view = nextView(INITIAL_VIEW, data(metrics({ growth: { oneDay: '312', sevenDays: 1.5 }, nextMilestone: { value: 'many' } })));
    assert.deepEqual(view.growth, { oneDay: null, sevenDays: null, thirtyDays: null, approximate: false, partial: null });
    assert.equal(view.nextMilestone, null);
  });

  it('keeps growth and milestone under an error that keeps the count', () => {
    const before = nextView(INITIAL_VIEW, withHistory(12345, { value: 15000, eta: null }));
    const offline = nextView(before, { type: 'offline' });
    assert.deepEqual(offline.growth, { ...growth, partial: null });
    assert.equal(offline.nextMilestone.value, 15000);
  });

  describe('crossedMilestone', () => {
    const before = nextView(INITIAL_VIEW, withHistory(14990, { value: 15000, eta: null }));

    it('is the milestone the previous body named once the new count reaches it', () => {
      const after = nextView(before, withHistory(15000, { value: 25000, eta: null }, '2026-11-28T10:01:00Z'));
      assert.equal(crossedMilestone(before, after), 15000);
    });

    it('counts a count that jumps past the milestone', () => {
      const after = nextView(before, withHistory(15800, { value: 25000, eta: null }, '2026-11-28T10:01:00Z'));
      assert.equal(crossedMilestone(before, after), 15000);
    });

    it('is null below the milestone, and for a count that stays past it', () => {
      const below = nextView(before, withHistory(14999, { value: 15000, eta: null }, '2026-11-28T10:01:00Z'));
      assert.equal(crossedMilestone(before, below), null);
      const past = nextView(INITIAL_VIEW, withHistory(15001, { value: 25000, eta: null }));
      const still = nextView(past, withHistory(15002, { value: 25000, eta: null }, '2026-11-28T10:01:00Z'));
      assert.equal(crossedMilestone(past, still), null);
    });

    it('is null for the first count: it was reached before the page watched', () => {
      const first = nextView(INITIAL_VIEW, withHistory(15000, { value: 25000, eta: null }));
      assert.equal(crossedMilestone(INITIAL_VIEW, first), null);
    });

    it('is null for an older body that arrives late (it does not replace the newer count)', () => {
      const newer = nextView(before, withHistory(14995, { value: 15000, eta: null }, '2026-11-28T10:02:00Z'));
      const late = nextView(newer, withHistory(15000, { value: 25000, eta: null }, '2026-11-28T10:01:00Z'));
      assert.equal(crossedMilestone(newer, late), null);
    });

    it('is null without a milestone (history off, above the ladder) or without a count', () => {
      const noMilestone = nextView(INITIAL_VIEW, data(metrics({ total: 14990 })));
      const after = nextView(noMilestone, data(metrics({ total: 20000, refreshedAt: '2026-11-28T10:01:00Z' })));
      assert.equal(crossedMilestone(noMilestone, after), null);
      assert.equal(crossedMilestone(before, nextView(before, { type: 'invalid' })), null);
    });
  });
});
