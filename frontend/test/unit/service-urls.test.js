import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { historyUrl, uiConfigUrl } from '../../src/service-urls.js';

describe('uiConfigUrl', () => {
  it('sits beside the metrics API of the same service', () => {
    assert.equal(uiConfigUrl('https://host/api/metrics').href, 'https://host/api/ui-config');
    assert.equal(uiConfigUrl('https://host/api/metrics/acme').href, 'https://host/api/ui-config');
  });

  it('keeps the path prefix a proxy mounts the service under', () => {
    assert.equal(uiConfigUrl('https://host/ticker/api/metrics').href, 'https://host/ticker/api/ui-config');
  });

  it('falls back to the root for a metrics URL outside /api/', () => {
    assert.equal(uiConfigUrl('http://127.0.0.1:8080/counts.json').href, 'http://127.0.0.1:8080/api/ui-config');
  });
});

describe('historyUrl', () => {
  it('is the summed history for the whole ticker, by day from the given date', () => {
    assert.equal(historyUrl('https://host/api/metrics', '2026-10-29').href,
      'https://host/api/metrics/history?step=day&from=2026-10-29');
  });

  it("is the source's own history for a ticker that shows one source", () => {
    assert.equal(historyUrl('https://host/api/metrics/instagram-acme', '2026-10-29').href,
      'https://host/api/metrics/instagram-acme/history?step=day&from=2026-10-29');
  });

  it('keeps the path prefix a proxy mounts the service under', () => {
    assert.equal(historyUrl('https://host/ticker/api/metrics/', '2026-10-29').href,
      'https://host/ticker/api/metrics/history?step=day&from=2026-10-29');
  });

  it('adds up only the sources a partial growth covers, so the line does not jump where another begins', () => {
    assert.equal(historyUrl('https://host/api/metrics', '2026-10-29', ['demo-alpha', 'demo-gamma']).href,
      'https://host/api/metrics/history?step=day&from=2026-10-29&sources=demo-alpha%2Cdemo-gamma');
    assert.equal(historyUrl('https://host/api/metrics', '2026-10-29', []).href,
      'https://host/api/metrics/history?step=day&from=2026-10-29');
    assert.equal(historyUrl('https://host/api/metrics/demo-alpha', '2026-10-29', ['demo-alpha']).href,
      'https://host/api/metrics/demo-alpha/history?step=day&from=2026-10-29', "one source's history is whole");
  });

  it('is null for a metrics URL of another shape, whose history is unknown', () => {
    assert.equal(historyUrl('http://127.0.0.1:8080/counts.json', '2026-10-29'), null);
  });
});
