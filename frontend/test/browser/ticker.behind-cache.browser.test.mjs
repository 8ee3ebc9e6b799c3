// The ticker page read through a caching proxy (nginx proxy_cache, the README's example) while
// the service goes away: the cache keeps answering with the last body, which still says
// "stale": false, and the page must judge the count's age by the body's staleAt itself.
//
// Configured through the environment by TickerBehindCacheIT, which starts the service and nginx:
//   CACHE_URL       nginx, in front of the service
//   SERVICE_URL     the service itself (to see it gone)
//   SERVICE_PID     the service's process, which this test stops
//   SCREENSHOT_DIR  where the two PNGs go (optional)
// Without /usr/bin/chromium or the variables above the test is skipped, except under CI=true.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { CHROMIUM, CHROMIUM_ARGS, screenshot, ticker, waitForTicker } from './support.mjs';

const env = process.env;
const missing = [
  !existsSync(CHROMIUM) && `${CHROMIUM}: install chromium (Debian package chromium)`,
  ...['CACHE_URL', 'SERVICE_URL', 'SERVICE_PID'].filter((name) => !env[name]).map((name) => `env ${name}`),
].filter(Boolean);
const skip = missing.length > 0 && env.CI !== 'true' ? `behind-cache browser test skipped, missing: ${missing.join('; ')}` : false;
if (skip) console.log(skip);

// The service runs with stale-after 15 s and the page polls every 2 s.
const STALE_AFTER_MS = 15_000;
// A re-render is due at staleAt; the page may show it this much later: the Date header it corrects
// its clock by has one-second resolution, plus a timer and a frame.
const RENDER_SLACK_MS = 2_000;

describe('<social-ticker> behind nginx proxy_cache', { skip, timeout: 120_000 }, () => {
  const cache = env.CACHE_URL;
  const problems = [];
  let browser;
  let page;

  before(async () => {
    assert.deepEqual(missing, [], `cannot run the behind-cache browser test: ${missing.join('; ')}`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce', viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
  });

  it('is served from the cache: the second read of the count is a HIT', async () => {
    await fetch(new URL('/api/metrics', cache)).then((response) => response.arrayBuffer());
    const second = await fetch(new URL('/api/metrics', cache));
    await second.arrayBuffer();
    assert.equal(second.headers.get('x-cache-status'), 'HIT');
  });

  it('shows "Live" while the service is up', async () => {
    await page.goto(new URL('/', cache).href);
    await waitForTicker(page, { state: 'fresh' });
    assert.equal(await badge(page), 'Live');
    await screenshot(page, 'behind-cache-live');
  });

  it('after the service stops, the cache answers and the page turns stale at staleAt, never "Live" after it', async () => {
    process.kill(Number(env.SERVICE_PID), 'SIGTERM');
    await serviceGone(env.SERVICE_URL);
    const stoppedAt = Date.now();

    // nginx still answers, with the last body it holds: made while fresh, it says so.
    const cached = await fetch(new URL('/api/metrics', cache));
    assert.equal(cached.status, 200, 'the cache answers for the stopped service');
    const body = await cached.json();
    assert.ok(Number.isSafeInteger(body.total), `a count: ${JSON.stringify(body)}`);
    const staleAt = Date.parse(body.staleAt);
    assert.ok(Number.isFinite(staleAt), `staleAt in ${JSON.stringify(body)}`);
    assert.ok(staleAt - stoppedAt <= STALE_AFTER_MS + 1_000, 'staleAt is at most stale-after away');
    console.log(`cache answered ${cached.headers.get('x-cache-status')} after the stop: ${JSON.stringify(body)}`);

    // Watch the badge every 100 ms until the page shows stale; once staleAt (+ the slack to
    // render) has passed, "Live" is a failure.
    let seenStale = null;
    while (Date.now() < staleAt + STALE_AFTER_MS) {
      const now = Date.now();
      const [state, text] = await ticker(page, (t) => [t.dataset.state, t.shadowRoot.querySelector('.badge-text').textContent]);
      if (now > staleAt + RENDER_SLACK_MS) {
        assert.notEqual(text, 'Live', `"Live" ${now - staleAt} ms after staleAt`);
      }
      if (state === 'stale') {
        seenStale = { at: now, text };
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(seenStale, 'the page turned stale');
    assert.ok(seenStale.at >= staleAt - 1_000, `not stale before staleAt (${seenStale.at - staleAt} ms)`);
    assert.match(seenStale.text, /^updated (\d+ seconds?|\d+ minutes?) ago$/, 'the badge says how old the count is');
    console.log(`stale ${seenStale.at - staleAt} ms after staleAt: "${seenStale.text}"`);

    // Several more polls through the cache (each a 200 or 304 of the same old body): still stale.
    for (let i = 0; i < 4; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(await ticker(page, (t) => t.dataset.state), 'stale');
      assert.notEqual(await badge(page), 'Live');
    }
    assert.equal(await ticker(page, (t) => t.dataset.total), String(body.total), 'the last count stays on screen');
    await screenshot(page, 'behind-cache-stale');
  });

  it('threw no page error', () => {
    assert.deepEqual(problems, []);
  });
});

function badge(page) {
  return ticker(page, (t) => t.shadowRoot.querySelector('.badge-text').textContent);
}

/** Resolves once the service itself refuses connections (it has stopped). */
async function serviceGone(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(new URL('/actuator/health', url)).then((response) => response.arrayBuffer());
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the service at ${url} still answers ${timeoutMs} ms after SIGTERM`);
}
