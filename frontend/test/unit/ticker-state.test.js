import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  INITIAL_VIEW, INVALID_RESPONSE, SERVICE_UNAVAILABLE,
  isMetricsBody, nextView, problemMessage, statusText,
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
