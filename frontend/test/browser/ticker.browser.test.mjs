// End-to-end test of <social-ticker> in headless Chromium against the real service.
//
// Configured only through the environment, because a JUnit harness starts the service
// and WireMock and then runs this file (node --test, or plain node: a failure exits 1):
//   TICKER_BASE_URL    the running service, serving / and /ticker.js
//   WIREMOCK_URL       WireMock standing in for the Instagram Graph API the service polls
//   EMBED_ORIGIN_PORT  free port for this test's second-origin page; the service must list
//                      http://127.0.0.1:$EMBED_ORIGIN_PORT in ticker.cors.allowed-origins
//   ADMIN_TOKEN        the service's ticker.admin.token: the test gives the source 30 days of
//                      history through the admin backfill (POST /api/admin/history/{id}, text/csv)
//   SCREENSHOT_DIR     where each state's PNG goes (optional: no screenshots when unset)
// Without /usr/bin/chromium or the variables above the test is skipped, except under
// CI=true, where it fails: a CI run must not pass by testing nothing.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { CHROMIUM, CHROMIUM_ARGS, digitsAtRest, screenshot, ticker, waitForTicker, waitUntil } from './support.mjs';

const SUITE_TIMEOUT_MS = 160_000;
// TickerBrowserIT's ticker.ui.poll-interval.
const POLL_INTERVAL_MS = 2_000;

const env = process.env;
const inCi = env.CI === 'true';
const missing = [
  !existsSync(CHROMIUM) && `${CHROMIUM}: install chromium (Debian package chromium)`,
  ...['TICKER_BASE_URL', 'WIREMOCK_URL', 'EMBED_ORIGIN_PORT', 'ADMIN_TOKEN'].filter((name) => !env[name]).map((name) => `env ${name}`),
].filter(Boolean);
const skip = missing.length > 0 && !inCi ? `browser test skipped, missing: ${missing.join('; ')}` : false;
if (skip) console.log(skip);

describe('<social-ticker> in Chromium', { skip, timeout: SUITE_TIMEOUT_MS }, () => {
  const base = env.TICKER_BASE_URL;
  const embedOrigin = `http://127.0.0.1:${env.EMBED_ORIGIN_PORT}`;
  const problems = [];
  let graph;
  let chromium;
  let browser;
  let motion;
  let reduced;
  let embedServer;

  before(async () => {
    assert.deepEqual(missing, [], `cannot run the browser test: ${missing.join('; ')}`);
    graph = new GraphStub(env.WIREMOCK_URL);
    ({ chromium } = await import('playwright-core'));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    embedServer = await serveEmbedPage(Number(env.EMBED_ORIGIN_PORT), base);
    await graph.followers(1234);
    // The service refreshed (and failed) before the stub existed: the pages open once it has data,
    // or their first read is an honest 503 that would count as a console error.
    await serviceHasData(base);
    // 30 days before today, as someone moving from another tool brings them: the growth line and
    // the sparkline have a history to show from the first page on.
    await backfill(base, env.ADMIN_TOKEN, HISTORY);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (embedServer ? embedServer.close(resolve) : resolve()));
    await graph?.reset();
  });

  /**
   * A new page on the ticker. With `clock`, the page runs on Playwright's clock: time flows as on the
   * wall until the test jumps it to the next poll (waitForPolls, nextPoll), so no test waits out the
   * poll interval.
   */
  async function openPage({
    reducedMotion = 'no-preference', url = new URL('/', base).href, allowFailedLoadsOf, beforeLoad, watch, clock = false,
  } = {}) {
    const context = await browser.newContext({
      locale: 'en-US',
      reducedMotion,
      colorScheme: 'light',
      viewport: { width: 1280, height: 720 },
    });
    if (clock) await context.clock.install();
    // A Content-Security-Policy violation is a problem like a console error: the page must need none.
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)));
    if (beforeLoad) await context.addInitScript(beforeLoad);
    const page = await context.newPage();
    watchForProblems(page, problems);
    if (allowFailedLoadsOf) await allowFailedLoadsOf.route(page);
    watch?.(page);
    await page.goto(url);
    return page;
  }

  it('serves the page and the ticker under a Content-Security-Policy', async () => {
    for (const path of ['/', '/ticker.js']) {
      const response = await fetch(new URL(path, base));
      // Read to the end: an unread body holds its connection open, and the test process with it.
      await response.arrayBuffer();
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.match(policy, /default-src 'none'/, `${path} has a Content-Security-Policy`);
      assert.doesNotMatch(policy, /unsafe-inline/, `${path} needs no 'unsafe-inline'`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  it('shows the count from the service', async () => {
    motion = await openPage();
    reduced = await openPage({ reducedMotion: 'reduce' });
    for (const page of [motion, reduced]) await waitForTicker(page, { state: 'fresh', total: 1234 });
    assert.equal(await shownNumber(motion), '1,234');
    assert.equal(await ticker(motion, (t) => t.shadowRoot.querySelector('.value').textContent), '1,234 followers');
    assert.equal(await ticker(motion, (t) => t.shadowRoot.querySelector('.profile').textContent), '@acme');
    await screenshot(motion, 'fresh');
  });

  it('paints the first count as it is, without rolling up from zero, while the badge says "Live"', async () => {
    // Watches every animation frame from the page's start: once the ticker has a count, what the
    // digits show and whether any of them is rolling.
    const page = await openPage({ beforeLoad: () => {
      window.firstFrames = [];
      const watch = () => {
        const element = document.querySelector('social-ticker');
        if (element?.dataset.total && window.firstFrames.length < 30) {
          const cells = [...element.shadowRoot.querySelectorAll('.total .cell')];
          window.firstFrames.push({
            badge: element.shadowRoot.querySelector('.badge-text').textContent,
            shown: cells.map((cell) => (cell.classList.contains('digit')
              ? cell.querySelectorAll('.strip > span')[Number(getComputedStyle(cell).getPropertyValue('--digit'))].textContent
              : cell.textContent)).join(''),
            rolling: element.shadowRoot.getAnimations().filter((a) => a.transitionProperty === 'transform').length,
          });
        }
        if (window.firstFrames.length < 30) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    } });
    await waitForTicker(page, { state: 'fresh', total: 1234 });
    await page.waitForFunction(() => window.firstFrames.length >= 30, null, { timeout: 10_000 });
    const frames = await page.evaluate(() => window.firstFrames);
    assert.deepEqual([...new Set(frames.map((frame) => `${frame.shown} · ${frame.badge} · rolling ${frame.rolling}`))],
      ['1,234 · Live · rolling 0'], 'every frame from the first shows the real count, at rest');
    await page.context().close();
  });

  it('shows the growth line and the 30-day sparkline from the history', async () => {
    const body = await (await fetch(new URL('/api/metrics', base))).json();
    const yesterday = HISTORY[HISTORY.length - 1].count;
    assert.equal(body.growth?.oneDay, 1234 - yesterday, `the body's growth counts from the backfilled yesterday: ${JSON.stringify(body.growth)}`);
    for (const page of [motion, reduced]) {
      await waitForSparkline(page);
      assert.equal(await ticker(page, (t) => t.shadowRoot.querySelector('.growth-text').textContent), `+${1234 - yesterday} today`);
      assert.equal(await ticker(page, (t) => t.shadowRoot.querySelector('.growth-speech').textContent),
        `${1234 - yesterday} more followers today`);
      const svg = await ticker(page, (t) => {
        const line = t.shadowRoot.querySelector('.sparkline svg');
        return line && { role: line.getAttribute('role'), label: line.getAttribute('aria-label'),
          path: line.querySelector('path.line')?.getAttribute('d') ?? '', width: line.getBoundingClientRect().width,
          card: t.shadowRoot.querySelector('.card').getBoundingClientRect().width };
      });
      assert.equal(svg.role, 'img');
      assert.equal(svg.label, `Followers over the last 30 days: from ${HISTORY[0].count.toLocaleString('en-US')} to 1,234`);
      // 30 backfilled days and today, each a segment of the line.
      assert.equal(svg.path.match(/[ML]/g).length, HISTORY.length + 1, svg.path);
      assert.ok(svg.width > svg.card / 2, `the sparkline spans the card: ${svg.width} of ${svg.card}`);
    }
    await screenshot(motion, 'sparkline');
  });

  it('reads the history once, not at every poll, and not at all with the features off', async () => {
    let requests;
    const page = await openPage({
      url: new URL('/?growth=off&sparkline=off', base).href, watch: (opened) => { requests = countRequests(opened); }, clock: true,
    });
    await waitForTicker(page, { state: 'fresh', total: 1234 });
    await waitForPolls(requests, 2, page);
    assert.equal(requests.history, 0, 'no history read with the sparkline off');
    assert.equal(await ticker(page, (t) => t.dataset.sparkline ?? 'none'), 'none');
    assert.equal(await ticker(page, (t) => t.dataset.growth ?? 'none'), 'none');
    assert.ok(!await page.locator('social-ticker').locator('.growth').isVisible(), 'no growth line');
    await page.context().close();

    let polls;
    const shown = await openPage({ watch: (opened) => { polls = countRequests(opened); }, clock: true });
    await waitForSparkline(shown);
    await waitForPolls(polls, 3, shown);
    assert.equal(polls.history, 1, `one history read over ${polls.metrics} polls`);
    await shown.context().close();
  });

  it('rolls to the new count when the provider count changes, unless motion is reduced', async () => {
    for (const page of [motion, reduced]) await recordRolls(page);
    await graph.followers(1300);
    for (const page of [motion, reduced]) await waitForTicker(page, { state: 'fresh', total: 1300 });

    assert.ok(await motion.evaluate(() => window.rolls) > 0, 'digits roll with a transform transition');
    assert.equal(await reduced.evaluate(() => window.rolls), 0, 'no digit animation with reduced motion');
    const durations = await ticker(reduced, (t) =>
      [...t.shadowRoot.querySelectorAll('.strip')].map((strip) => getComputedStyle(strip).transitionDuration));
    assert.ok(durations.length > 0 && durations.every((d) => d === '0s'), `transition-duration: ${durations}`);

    await digitsAtRest(motion);
    assert.equal(await shownNumber(motion), '1,300');
    assert.equal(await shownNumber(reduced), '1,300');
    assert.equal(await ticker(motion, (t) => t.shadowRoot.querySelector('.announcer').textContent), '1,300 followers');
    await screenshot(motion, 'changed');
  });

  it('works embedded in a page on another origin', async () => {
    const page = await openPage({ url: `${embedOrigin}/` });
    await waitForTicker(page, { state: 'fresh', total: 1300 });
    assert.equal(await shownNumber(page), '1,300');
    await screenshot(page, 'embedded');
    await page.context().close();
  });

  it('follows the theme attribute into a dark theme', async () => {
    const page = await openPage({ url: new URL('/?theme=dark', base).href });
    await waitForTicker(page, { state: 'fresh', total: 1300 });
    const background = await ticker(page, (t) => getComputedStyle(t.shadowRoot.querySelector('.card')).backgroundColor);
    assert.ok(luminance(background) < 0.1, `dark card background, got ${background}`);
    await screenshot(page, 'dark');
    await page.context().close();
  });

  it('keeps the last count and says why when the provider fails', async () => {
    await graph.oauthError();
    // The service answers Graph error 190 with AUTH_FAILED; the ticker must say so, not just "stale".
    await waitForTicker(motion, { state: 'error', total: 1300 });
    assert.equal(await ticker(motion, (t) => t.dataset.error), 'AUTH_FAILED');
    assert.equal(await shownNumber(motion), '1,300');
    const badge = await ticker(motion, (t) => t.shadowRoot.querySelector('.badge-text').textContent);
    assert.match(badge, /refused access; showing last known count/);
    assert.doesNotMatch(badge, /AUTH_FAILED|OAuth|Exception/);
    await screenshot(motion, 'error');
  });

  it('shows the fallback message when the service has no data (503)', async () => {
    const expected = await fallbackMessageOf(base);
    const noData = new FailingMetrics((route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' },
      body: JSON.stringify({
        total: null, profile: null, refreshedAt: null, stale: true,
        error: { code: 'NO_DATA', message: 'No data yet', at: new Date().toISOString(), httpStatus: null, attempts: 0 },
        sources: [],
      }),
    }));
    const page = await openPage({ allowFailedLoadsOf: noData });
    await waitForTicker(page, { state: 'nodata' });
    const fallback = page.locator('social-ticker').locator('.fallback');
    assert.equal(await fallback.textContent(), expected);
    assert.ok(await fallback.isVisible(), 'the fallback message is visible');
    await screenshot(page, 'nodata');
    await page.context().close();
  });

  it('says the provider is failing when the service never had a count (503 with the reason)', async () => {
    const expected = await fallbackMessageOf(base);
    // The service's answer for a source whose every refresh so far failed: 503, the real failure.
    const failing = new FailingMetrics((route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' },
      body: JSON.stringify({
        total: null, profile: null, refreshedAt: null, staleAt: null, stale: true,
        error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The provider answered 503', at: new Date().toISOString(), httpStatus: 503, attempts: 4 },
        sources: [{ id: 'instagram-acme', provider: 'instagram', profile: null, total: null, refreshedAt: null, staleAt: null, stale: true,
          error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The provider answered 503', at: new Date().toISOString(), httpStatus: 503, attempts: 4 } }],
      }),
    }));
    const page = await openPage({ allowFailedLoadsOf: failing });
    await waitForTicker(page, { state: 'nodata' });
    assert.equal(await ticker(page, (t) => t.dataset.error), 'UPSTREAM_UNAVAILABLE');
    const fallback = page.locator('social-ticker').locator('.fallback');
    assert.equal(await fallback.textContent(), expected);
    assert.ok(await fallback.isVisible(), 'the fallback message is visible');
    const badge = page.locator('social-ticker').locator('.badge');
    assert.ok(await badge.isVisible(), 'and below it, why');
    assert.equal(await badge.textContent(), 'Provider is unavailable');
    await screenshot(page, 'nodata-failing');
    await page.context().close();
  });

  it('says it is offline and keeps the count when the service cannot be reached', async () => {
    const offline = new FailingMetrics((route) => route.abort('connectionrefused'));
    await offline.route(reduced);
    await waitForTicker(reduced, { state: 'offline', total: 1300 });
    assert.match(await ticker(reduced, (t) => t.shadowRoot.querySelector('.badge-text').textContent), /^Offline/);
    await screenshot(reduced, 'offline');
  });

  it('celebrates a milestone crossed between two polls, without animation when motion is reduced', async () => {
    const pages = [await openPage({ clock: true }), await openPage({ reducedMotion: 'reduce', clock: true })];
    for (const page of pages) await waitForTicker(page, { state: ['fresh', 'error'], total: 1300 });
    const next = await (await fetch(new URL('/api/metrics', base))).json();
    assert.equal(next.nextMilestone?.value, 2500, `the next milestone above 1,300: ${JSON.stringify(next.nextMilestone)}`);
    await graph.followers(2600);
    await waitUntil(async () => (await (await fetch(new URL('/api/metrics', base))).json()).total === 2600,
      'the service to read 2,600');
    const seen = [];
    for (const page of pages) {
      // Crossed between two polls: the next one, at once.
      await page.clock.fastForward(POLL_INTERVAL_MS);
      await page.waitForFunction(() => document.querySelector('social-ticker').dataset.celebrating === '2500', null, { timeout: 20_000 });
      seen.push(await ticker(page, (t) => ({
        text: t.shadowRoot.querySelector('.celebration').textContent,
        live: t.shadowRoot.querySelector('.celebration').getAttribute('aria-live'),
        visible: getComputedStyle(t.shadowRoot.querySelector('.celebration')).visibility,
        animated: t.shadowRoot.querySelector('.card').classList.contains('celebrate-motion'),
        animations: t.shadowRoot.getAnimations().map((a) => a.animationName).filter((name) => name?.startsWith('celebration')),
      })));
    }
    const [moving, still] = seen;
    for (const celebration of seen) {
      assert.equal(celebration.text, 'Milestone reached: 2,500 followers!');
      assert.equal(celebration.live, 'polite');
      assert.equal(celebration.visible, 'visible');
    }
    assert.ok(moving.animated && moving.animations.length > 0, `a brief animation: ${JSON.stringify(moving)}`);
    assert.ok(!still.animated && still.animations.length === 0, `no animation with reduced motion: ${JSON.stringify(still)}`);
    await screenshot(pages[0], 'milestone');
    for (const page of pages) await page.context().close();
  });

  it('asks again as soon as the network is back, without waiting out its back-off', async () => {
    // On a fake clock the page's timers run only when this test moves the clock: once the
    // network is back, a request can only come from the page's "online" listener. (This page's
    // console is not watched: Chromium logs every request refused while offline.)
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
    await context.clock.install();
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/metrics') requests += 1;
    });
    const state = () => ticker(page, (t) => t.dataset.state);
    try {
      await page.goto(new URL('/', base).href);
      await waitUntil(async () => (await state()) === 'fresh', 'the first count');
      await context.setOffline(true);
      const atOffline = requests;
      // Ten minutes of the page's time offline: every poll fails and the back-off grows to its cap.
      await page.clock.runFor(600_000);
      await waitUntil(async () => (await state()) === 'offline', 'the offline state');
      assert.ok(requests >= atOffline + 3, `polls while offline: ${requests - atOffline}`);
      const offline = requests;
      await context.setOffline(false);
      await waitUntil(() => requests > offline, 'a request once the network is back, the clock standing still');
      await waitUntil(async () => (await state()) === 'fresh', 'the count back');
    } finally {
      await context.close();
    }
  });

  it('logged no console error and threw no page error', () => {
    assert.deepEqual(problems, []);
  });
});

const DAY_MS = 86_400_000;
/** The 30 days before today, as another tool would export them: a steady rise with some wobble. */
const HISTORY = Array.from({ length: 30 }, (_, i) => ({
  date: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - (30 - i) * DAY_MS).toISOString().slice(0, 10),
  count: 900 + 7 * i + [0, 9, -4, 6, 12, -2][i % 6],
}));

/** Gives the service's only source its history through the admin backfill, as a CSV of date,count. */
async function backfill(base, token, days) {
  const metrics = await (await fetch(new URL('/api/metrics', base))).json();
  const id = metrics.sources[0].id;
  const response = await fetch(new URL(`/api/admin/history/${id}`, base), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: `date,count\n${days.map(({ date, count }) => `${date},${count}`).join('\n')}\n`,
  });
  const text = await response.text();
  assert.equal(response.status, 200, `the backfill answered ${response.status}: ${text}`);
  assert.equal(JSON.parse(text).added, days.length, `every day added: ${text}`);
}

/** Waits until the ticker's sparkline is drawn. */
function waitForSparkline(page) {
  return page.waitForFunction(() => document.querySelector('social-ticker').dataset.sparkline === 'shown',
    null, { timeout: 20_000 });
}

/** Counts a page's requests of the metrics and of the history from now on. */
function countRequests(page) {
  const counts = { metrics: 0, history: 0 };
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/metrics') counts.metrics += 1;
    if (pathname.endsWith('/history')) counts.history += 1;
  });
  return counts;
}

/**
 * Waits until the page has polled the metrics `polls` times since its counting began. A page on
 * Playwright's clock is jumped to each next poll; one whose poll is still waiting for its answer has
 * not scheduled the next, so it is jumped again until a new poll goes out.
 */
async function waitForPolls(counts, polls, clockedPage) {
  await waitUntil(async () => {
    if (counts.metrics < polls && clockedPage) await clockedPage.clock.fastForward(POLL_INTERVAL_MS);
    return counts.metrics >= polls;
  }, `${polls} polls`);
}

/** The WireMock stub of the Graph API; the newest mapping wins, so each call replaces the last. */
class GraphStub {
  #admin;
  #ids = [];

  constructor(wiremockUrl) {
    this.#admin = wiremockUrl && new URL('/__admin/mappings', wiremockUrl);
  }

  followers(count) {
    return this.#stub({ status: 200, jsonBody: { followers_count: count, username: 'acme', id: '17841400000000000' } });
  }

  oauthError() {
    return this.#stub({
      status: 400,
      jsonBody: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'x' } },
    });
  }

  async #stub(response) {
    const answer = await fetch(this.#admin, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        priority: 1,
        request: { method: 'GET', urlPathPattern: '/v[0-9.]+/[0-9]+' },
        response: { ...response, headers: { 'Content-Type': 'application/json' } },
      }),
    });
    const text = await answer.text();
    assert.equal(answer.status, 201, `WireMock refused a stub: ${text}`);
    const { id } = JSON.parse(text);
    await this.reset();
    this.#ids.push(id);
  }

  /** Removes the stubs this test added (and only those). */
  async reset() {
    for (const id of this.#ids.splice(0)) {
      await fetch(new URL(`/__admin/mappings/${id}`, this.#admin), { method: 'DELETE' }).catch(() => {});
    }
  }
}

// Pages whose /api/metrics is made to fail on purpose.
const failingPages = new WeakSet();

/**
 * Makes /api/metrics fail for one page. Chromium itself logs each failed load of it
 * ("Failed to load resource: …"); those entries, and only those, are expected there.
 */
class FailingMetrics {
  constructor(handler) {
    this.handler = handler;
  }

  route(page) {
    failingPages.add(page);
    return page.route((url) => url.pathname === '/api/metrics', this.handler);
  }
}

function isExpectedFailedLoad(page, message) {
  return failingPages.has(page)
    && message.text().startsWith('Failed to load resource')
    && new URL(message.location().url).pathname === '/api/metrics';
}

function watchForProblems(page, problems) {
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpectedFailedLoad(page, message)) return;
    problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
}

/** The number as the odometer shows it: each digit cell's glyph at its --digit. */
function shownNumber(page) {
  return ticker(page, (t) => [...t.shadowRoot.querySelectorAll('.total .cell')].map((cell) => {
    if (!cell.classList.contains('digit')) return cell.textContent;
    const digit = Number(getComputedStyle(cell).getPropertyValue('--digit'));
    return cell.querySelectorAll('.strip > span')[digit].textContent;
  }).join(''));
}

/** Counts transform transitions started on the digits at each change of the count. */
function recordRolls(page) {
  return ticker(page, (t) => {
    window.rolls = 0;
    new MutationObserver(() => {
      // getAnimations() flushes styles, so the transitions the new digits start are seen.
      window.rolls += t.shadowRoot.getAnimations().filter((a) => a.transitionProperty === 'transform').length;
    }).observe(t, { attributes: true, attributeFilter: ['data-total'] });
  });
}

/** Polls the API until it answers 200 (the timer refreshes every second here). */
async function serviceHasData(base, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(new URL('/api/metrics', base));
    await response.arrayBuffer();
    if (response.status === 200) return;
    if (Date.now() > deadline) throw new Error(`the service still answers ${response.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function fallbackMessageOf(base) {
  const DEFAULT = 'Follower count coming soon';
  try {
    const response = await fetch(new URL('/api/ui-config', base));
    return (await response.json()).fallbackMessage || DEFAULT;
  } catch {
    return DEFAULT;
  }
}

function luminance(cssColor) {
  const [r, g, b] = cssColor.match(/[\d.]+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** A page on a second origin that embeds the ticker the way an integrator would. */
function serveEmbedPage(port, base) {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Embedded ticker</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${new URL('/ticker.js', base)}"></script>
  <style>
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #fdf6ec; font-family: Georgia, serif; }
    social-ticker { --ticker-accent: #d9480f; --ticker-size: 6rem; --ticker-font: Georgia, serif; }
    social-ticker::part(label) { letter-spacing: 0.3em; }
  </style>
</head>
<body>
  <main>
    <h1>Our community</h1>
    <social-ticker src="${new URL('/api/metrics', base)}"></social-ticker>
  </main>
</body>
</html>`;
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
