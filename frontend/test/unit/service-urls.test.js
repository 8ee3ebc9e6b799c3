import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { uiConfigUrl } from '../../src/service-urls.js';

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
