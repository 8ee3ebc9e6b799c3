import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ADMIN_ACTIONS, adminOutcome, adminRequest } from '../../src/status-admin.js';

describe('adminRequest', () => {
  it('makes each action one call of the admin API, with the bearer token', () => {
    assert.deepEqual(adminRequest('refresh', 'github-octocat', ' s3cret '), {
      path: '/api/admin/refresh/github-octocat',
      init: { method: 'POST', headers: { Authorization: 'Bearer s3cret', Accept: 'application/json' }, body: undefined },
    });
    assert.equal(adminRequest('forget', 'github-octocat', 't').path, '/api/admin/cache/github-octocat');
    assert.equal(adminRequest('forget', 'github-octocat', 't').init.method, 'DELETE');
  });

  it('sends a backfill as text/csv, and only a backfill has a body', () => {
    const { path, init } = adminRequest('backfill', 'a b', 't', 'date,count\n2026-01-01,5\n');
    assert.equal(path, '/api/admin/history/a%20b');
    assert.equal(init.headers['Content-Type'], 'text/csv');
    assert.equal(init.body, 'date,count\n2026-01-01,5\n');
    assert.equal(adminRequest('refresh', 'x', 't', 'ignored').init.body, undefined);
    assert.equal(adminRequest('refresh', 'x', 't').init.headers['Content-Type'], undefined);
  });

  it('has a label for each action', () => {
    assert.deepEqual(Object.values(ADMIN_ACTIONS).map(({ label }) => label), ['Refresh', 'Forget', 'Backfill']);
  });
});

describe('adminOutcome', () => {
  it('says what each accepted action did', () => {
    assert.deepEqual(adminOutcome('refresh', 'a', 202, null), {
      text: 'A refresh of a was started; the table shows its outcome within 10 seconds.', ok: true, tokenRefused: false,
    });
    assert.equal(adminOutcome('forget', 'a', 204, null).ok, true);
    assert.equal(
      adminOutcome('backfill', 'a', 200, { id: 'a', days: 3, added: 2, updated: 1, unchanged: 0, keptLive: 0 }).text,
      'a: 3 days read, 2 added, 1 updated, 0 unchanged, 0 kept as read live.',
    );
  });

  it('asks for the token again when it is refused, or when the admin API is off', () => {
    assert.equal(adminOutcome('refresh', 'a', 401, { error: { code: 'UNAUTHORIZED', message: 'x' } }).tokenRefused, true);
    // What the service answers at a path it does not serve: the admin API is off.
    const off = adminOutcome('refresh', 'a', 404, { error: { code: 'NOT_FOUND', message: 'Nothing is served at this path' } });
    assert.equal(off.tokenRefused, true);
    assert.match(off.text, /ticker\.admin\.token is not set/);
    assert.equal(adminOutcome('refresh', 'a', 404, null).tokenRefused, true, 'a proxy\'s 404 too');
  });

  it('passes the service\'s reason on for any other answer, keeping the token', () => {
    const gone = adminOutcome('forget', 'a', 404, { error: { code: 'SOURCE_NOT_FOUND', message: 'No source a' } });
    assert.deepEqual(gone, { text: 'Forget of a failed (HTTP 404, SOURCE_NOT_FOUND): No source a', ok: false, tokenRefused: false });
    const bad = adminOutcome('backfill', 'a', 400, { error: { code: 'INVALID_BACKFILL', message: '1 bad line' } });
    assert.equal(bad.text, 'Backfill of a failed (HTTP 400, INVALID_BACKFILL): 1 bad line');
    assert.equal(adminOutcome('refresh', 'a', 503, null).text, 'Refresh of a failed (HTTP 503).');
    assert.equal(adminOutcome('refresh', 'a', 202, null).ok && !adminOutcome('refresh', 'a', 500, null).ok, true);
  });
});
