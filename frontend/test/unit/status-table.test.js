import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ROWS_AT_ONCE, countStates, deliveredElsewhere, deliveryText, filterRows, firstRows, sortRows,
} from '../../src/status-table.js';

const ROWS = Object.freeze([
  { id: 'github-octocat', provider: 'github', profile: 'octocat', state: 'live', total: 900, refreshedAt: '2026-12-07T10:00:00Z',
    nextAttemptAt: '2026-12-07T10:01:00Z', error: null, quotaUsedPercent: 12 },
  { id: 'instagram-acme', provider: 'instagram', profile: 'acme', state: 'failing', total: 1500, refreshedAt: '2026-12-07T09:00:00Z',
    nextAttemptAt: '2026-12-07T10:30:00Z', error: { code: 'RATE_LIMITED' }, quotaUsedPercent: 100 },
  { id: 'youtube-uc', provider: 'youtube', profile: null, state: 'no-data', total: null, refreshedAt: null,
    nextAttemptAt: '2026-12-07T10:00:30Z', error: { code: 'AUTH_FAILED' }, quotaUsedPercent: null },
  { id: 'mastodon-gargron', provider: 'mastodon', profile: 'Gargron', state: 'stale', total: 300, refreshedAt: '2026-12-07T08:00:00Z',
    nextAttemptAt: '2026-12-07T10:00:00Z', error: null, quotaUsedPercent: null },
]);
const ids = (rows) => rows.map((row) => row.id);

describe('filterRows', () => {
  it('keeps every row without a filter', () => {
    assert.deepEqual(ids(filterRows(ROWS, {})), ids(ROWS));
  });

  it('keeps the failing ones, a failing refresh or no data yet, when asked', () => {
    assert.deepEqual(ids(filterRows(ROWS, { failingOnly: true })), ['instagram-acme', 'youtube-uc']);
  });

  it('finds by id, profile or provider, whatever the case, with the other filter too', () => {
    assert.deepEqual(ids(filterRows(ROWS, { text: ' GARGRON ' })), ['mastodon-gargron']);
    assert.deepEqual(ids(filterRows(ROWS, { text: 'tube' })), ['youtube-uc']);
    assert.deepEqual(ids(filterRows(ROWS, { text: 'acme', failingOnly: true })), ['instagram-acme']);
    assert.deepEqual(ids(filterRows(ROWS, { text: 'e', failingOnly: true })), ['instagram-acme', 'youtube-uc']);
    assert.deepEqual(filterRows(ROWS, { text: 'nobody' }), []);
  });
});

describe('sortRows', () => {
  it('puts the worst state first, and the best first the other way', () => {
    assert.deepEqual(ids(sortRows(ROWS, 'state')), ['instagram-acme', 'youtube-uc', 'mastodon-gargron', 'github-octocat']);
    assert.deepEqual(ids(sortRows(ROWS, 'state', 'descending')), ['github-octocat', 'mastodon-gargron', 'youtube-uc', 'instagram-acme']);
  });

  it('sorts numbers and times as numbers, and a missing value last either way', () => {
    assert.deepEqual(ids(sortRows(ROWS, 'total')), ['mastodon-gargron', 'github-octocat', 'instagram-acme', 'youtube-uc']);
    assert.deepEqual(ids(sortRows(ROWS, 'total', 'descending')), ['instagram-acme', 'github-octocat', 'mastodon-gargron', 'youtube-uc']);
    assert.deepEqual(ids(sortRows(ROWS, 'refreshedAt', 'descending')).at(-1), 'youtube-uc');
    assert.deepEqual(ids(sortRows(ROWS, 'quota', 'descending')), ['instagram-acme', 'github-octocat', 'youtube-uc', 'mastodon-gargron']);
  });

  it('sorts text by its letters, keeps equal rows in their order, and leaves an unknown column as it was', () => {
    assert.deepEqual(ids(sortRows(ROWS, 'provider')), ['github-octocat', 'instagram-acme', 'mastodon-gargron', 'youtube-uc']);
    assert.deepEqual(ids(sortRows(ROWS, 'error')), ['youtube-uc', 'instagram-acme', 'github-octocat', 'mastodon-gargron']);
    assert.deepEqual(ids(sortRows(ROWS, 'colour')), ids(ROWS));
    assert.notEqual(sortRows(ROWS, 'id'), ROWS, 'a new array: the report is not reordered');
  });
});

describe('countStates', () => {
  it('counts each state, and ignores one it does not know', () => {
    assert.deepEqual(countStates([...ROWS, { state: 'odd' }]), { failing: 1, 'no-data': 1, stale: 1, live: 1 });
  });
});

describe('deliveryText', () => {
  const when = (at) => `at ${at}`;

  it('writes the last delivery with what it was about, and a dash before any', () => {
    assert.deepEqual(deliveryText({ state: 'delivering', lastDeliveredAt: 'T1', lastDelivered: 'github-octocat' }, when), {
      last: 'at T1 (github-octocat)', why: '',
    });
    assert.deepEqual(deliveryText({ state: 'idle', lastDeliveredAt: null, lastFailure: null }, when), { last: '—', why: '' });
  });

  it('writes a failure with its code, message, attempts and time, kept once recovered', () => {
    const lastFailure = { code: 'UNAVAILABLE', message: "the channel 'slack' answered HTTP 503", attempts: 4, at: 'T0' };
    const failing = deliveryText({ state: 'failing', lastFailure }, when);
    assert.equal(failing.why, "UNAVAILABLE: the channel 'slack' answered HTTP 503 (4 attempts, at T0)");
    const recovered = deliveryText({ state: 'recovered', lastDeliveredAt: 'T2', lastDelivered: 'x/auth', lastFailure }, when);
    assert.equal(recovered.last, 'at T2 (x/auth)');
    assert.match(recovered.why, /^UNAVAILABLE/);
    assert.equal(deliveryText({ state: 'failing', lastFailure: { ...lastFailure, attempts: 1 } }, when).why,
      "UNAVAILABLE: the channel 'slack' answered HTTP 503 (1 attempt, at T0)");
  });

  it('writes a refused file\'s reason instead', () => {
    assert.deepEqual(deliveryText({ state: 'refused', reason: 'outputs/a.camel.yaml:2:3: unknown key' }, when), {
      last: '—', why: 'outputs/a.camel.yaml:2:3: unknown key',
    });
  });
});

describe('deliveredElsewhere', () => {
  const a = { instance: 'aaaaaaaa-1111', host: 'ticker-0', answering: true, delivers: ['alertChannels'] };
  const b = { instance: 'bbbbbbbb-2222', host: 'ticker-1', answering: false, delivers: ['outputs'] };

  it('says nothing alone, nor when the instance answering delivers them', () => {
    assert.equal(deliveredElsewhere(null, 'outputs'), null);
    assert.equal(deliveredElsewhere({ members: [a, b] }, 'alertChannels'), null);
  });

  it('names the instance that delivers them when it is another', () => {
    assert.match(deliveredElsewhere({ members: [a, b] }, 'outputs'), /^Instance bbbbbbbb on ticker-1 delivers them now/);
  });

  it('says when none does (the turn is free), and copes with a member that lists nothing', () => {
    assert.match(deliveredElsewhere({ members: [{ ...a, delivers: undefined }] }, 'outputs'), /^No instance/);
    assert.match(deliveredElsewhere({ members: [] }, 'alertChannels'), /^No instance/);
  });
});

describe('firstRows', () => {
  const rows = Array.from({ length: 600 }, (_, i) => i);

  it('draws the first rows asked for and counts the rest', () => {
    assert.deepEqual(firstRows(rows, ROWS_AT_ONCE).drawn, rows.slice(0, 250));
    assert.equal(firstRows(rows, ROWS_AT_ONCE).more, 350);
    assert.equal(firstRows(rows, 500).more, 100);
  });

  it('draws all with no limit, or when fewer match', () => {
    assert.deepEqual(firstRows(rows, Infinity), { drawn: rows, more: 0 });
    assert.deepEqual(firstRows([1, 2], ROWS_AT_ONCE), { drawn: [1, 2], more: 0 });
    assert.deepEqual(firstRows(rows, -1), { drawn: [], more: 600 });
  });
});
