// End-to-end test of the screen view (/screen) in headless Chromium against the real service.
//
// Configured only through the environment, because a JUnit harness (ScreenBrowserIT) starts the
// service and WireMock and then runs this file:
//   TICKER_BASE_URL  the running service, with three sources (instagram, github, mastodon) whose
//                    upstreams are WireMock, refreshed every second, and its page served from
//                    FRONTEND_DIR
//   WIREMOCK_URL     WireMock standing in for the three upstreams; this test sets their counts
//   ADMIN_TOKEN      the service's ticker.admin.token: each source gets 30 days of history
//   FRONTEND_DIR     the directory the service serves the page from: the release test changes its
//                    ticker.js, as a deploy would
//   SCREENSHOT_DIR   where screenshots go (optional)
//   SOAK_HOURS       how many simulated hours the memory soak runs (optional; 24, a whole day, by
//                    default; the regular build runs 2 and the nightly build 24: ScreenBrowserIT)
// Without /usr/bin/chromium or the variables above the test is skipped, except under CI=true,
// where it fails.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CHROMIUM, CHROMIUM_ARGS, waitUntil } from './support.mjs';

// A simulated day takes about 4 minutes on two idle cores, and several times that on a loaded
// machine: the limits leave room for that (they only bound a hung browser, they time nothing).
const SUITE_TIMEOUT_MS = 1_500_000;
const SOAK_TIMEOUT_MS = 1_200_000;
const WAIT_MS = 20_000;
// ScreenBrowserIT's ticker.ui.poll-interval.
const POLL_INTERVAL_MS = 2_000;
// The release test's release-check, the shortest the page takes.
const RELEASE_CHECK_MS = 2_000;
// The rotation test's rotate-every, the shortest the page takes.
const ROTATE_EVERY_MS = 3_000;
// How long a milestone's celebration keeps the screen (ticker.js CELEBRATION_MS).
const CELEBRATION_MS = 8_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const env = process.env;
const inCi = env.CI === 'true';
const missing = [
  !existsSync(CHROMIUM) && `${CHROMIUM}: install chromium (Debian package chromium)`,
  ...['TICKER_BASE_URL', 'WIREMOCK_URL', 'ADMIN_TOKEN', 'FRONTEND_DIR'].filter((name) => !env[name]).map((name) => `env ${name}`),
].filter(Boolean);
const SOAK_HOURS = Number(env.SOAK_HOURS ?? 24);
if (!Number.isInteger(SOAK_HOURS) || SOAK_HOURS < 1) throw new Error(`SOAK_HOURS must be a whole number of hours: ${env.SOAK_HOURS}`);
const skip = missing.length > 0 && !inCi ? `screen browser test skipped, missing: ${missing.join('; ')}` : false;
if (skip) console.log(skip);

const SIZES = Object.freeze([
  { width: 1920, height: 1080, name: '1920x1080' },
  { width: 3840, height: 2160, name: '3840x2160' },
  { width: 1080, height: 1920, name: '1080x1920' },
]);
// A count as most screens show it (6 characters: "17,653"), and the longest the issue names
// (9 digits, 11 characters: "123,462,097").
const TYPICAL = Object.freeze({ instagram: 12_345, github: 4_321, mastodon: 987 });
const NINE_DIGITS = Object.freeze({ ...TYPICAL, instagram: 123_456_789 });
const sum = (counts) => counts.instagram + counts.github + counts.mastodon;
const MIN_WIDTH_RATIO = 0.8;

describe('the screen view in Chromium', { skip, timeout: SUITE_TIMEOUT_MS }, () => {
  const base = env.TICKER_BASE_URL;
  const problems = [];
  let upstreams;
  let browser;

  before(async () => {
    assert.deepEqual(missing, [], `cannot run the screen browser test: ${missing.join('; ')}`);
    upstreams = new Upstreams(env.WIREMOCK_URL);
    await upstreams.set(TYPICAL);
    await serviceShows(base, sum(TYPICAL));
    await backfillEverySource(base, env.ADMIN_TOKEN);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await upstreams?.reset();
    assert.deepEqual(problems, [], 'no console error, page error or CSP violation on any screen');
  });

  /**
   * A new page on the screen view. With `clock`, the page runs on Playwright's clock: time flows as
   * it does on the wall until the test jumps it forward (page.clock.fastForward), which fires each
   * due timer once, as a screen left alone that long would; so a test of the rotation, the back-off
   * or a celebration waits for none of them.
   */
  async function openScreen({
    query = '', size = SIZES[0], colorScheme = 'light', reducedMotion = 'no-preference', beforeLoad, failuresExpected,
    clock = false,
  } = {}) {
    const context = await browser.newContext({
      locale: 'en-US', colorScheme, reducedMotion, viewport: { width: size.width, height: size.height },
    });
    if (clock) await context.clock.install();
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)));
    if (beforeLoad) await context.addInitScript(beforeLoad);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs each request that fails while a test takes the network or the service away.
      if (failuresExpected?.() && message.text().startsWith('Failed to load resource')) return;
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    await page.goto(new URL(`/screen${query}`, base).href);
    return { context, page };
  }

  it('fills at least 80 % of the width at 1920×1080, 3840×2160 and 1080×1920, nine digits without overflow, light and dark', async () => {
    for (const counts of [TYPICAL, NINE_DIGITS]) {
      await upstreams.set(counts);
      await serviceShows(base, sum(counts));
      for (const size of SIZES) {
        // One page per size, light then dark: the scheme is switched as a viewer's system would.
        const { context, page } = await openScreen({ size, colorScheme: 'light' });
        try {
          for (const colorScheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme });
            await waitForShown(page, sum(counts));
            const box = await numeralsBox(page);
            const ratio = box.width / size.width;
            console.log(`[screen] ${size.name} ${colorScheme} ${box.text.length} characters (${box.text}):`
              + ` numerals ${box.width.toFixed(0)}×${box.height.toFixed(0)} px, width ratio ${ratio.toFixed(3)}`);
            assert.ok(ratio >= MIN_WIDTH_RATIO, `${size.name} ${box.text}: the numerals take ${ratio.toFixed(3)} of the width`);
            assert.ok(box.left >= 0 && box.right <= size.width && box.top >= 0 && box.bottom <= size.height,
              `${size.name} ${box.text}: the numerals stay inside the viewport: ${JSON.stringify(box)}`);
            assert.ok(box.scrollWidth <= size.width && box.scrollHeight <= size.height,
              `${size.name}: nothing overflows the page: ${JSON.stringify(box)}`);
            const contrast = await contrastOf(page);
            assert.equal(contrast.darkBackground, colorScheme === 'dark', `the ${colorScheme} scheme is the one shown`);
            assert.ok(contrast.numerals >= 7, `${colorScheme}: numerals contrast ${contrast.numerals.toFixed(1)}:1 (AAA is 7:1)`);
            assert.ok(contrast.label >= 4.5, `${colorScheme}: label contrast ${contrast.label.toFixed(1)}:1 (AA is 4.5:1)`);
            assert.deepEqual(await chromeOf(page), { elements: ['MAIN', 'P'], scrollbars: false },
              'nothing on the page but the ticker (and the hidden problems line)');
            if (size.width === 1920 || size.width === 1080) {
              await screenshot(page, `screen-${size.name}-${colorScheme}${counts === NINE_DIGITS ? '-nine-digits' : ''}`);
            }
          }
        } finally {
          await context.close();
        }
      }
    }
    await upstreams.set(TYPICAL);
    await serviceShows(base, sum(TYPICAL));
  });

  it('shows the total with each source’s share, growth and sparkline', async () => {
    const { context, page } = await openScreen();
    try {
      await waitForShown(page, sum(TYPICAL));
      await page.waitForFunction(() => document.querySelector('social-ticker').dataset.sparkline === 'shown', null, { timeout: WAIT_MS });
      const shown = await page.locator('social-ticker').evaluate((t) => ({
        growth: t.dataset.growth,
        rows: [...t.shadowRoot.querySelectorAll('.source')].map((row) => ({
          name: row.querySelector('.source-name').textContent,
          total: row.querySelector('.source-total').textContent,
          share: row.querySelector('.source-share').textContent,
          icon: row.querySelector('.provider-icon svg path') !== null,
          visible: row.querySelector('.source-share').getBoundingClientRect().width > 0,
        })),
      }));
      assert.equal(shown.growth, 'up');
      assert.deepEqual(shown.rows.map(({ share }) => share).sort(), ['24%', '6%', '70%'].sort());
      assert.ok(shown.rows.every(({ icon, visible }) => icon && visible), JSON.stringify(shown.rows));
      assert.deepEqual(shown.rows.map(({ name }) => name.replace(/\s+/g, ' ').trim()).sort(),
        ['@Gargron Mastodon', '@acme Instagram', '@octocat GitHub']);
    } finally {
      await context.close();
    }
  });

  it('keeps the label and the badge with the number on a portrait screen, and the settings warning off them', async () => {
    // A setting that cannot be used (theme=pink) shows the warning line while the screen is set up.
    const size = SIZES[2];
    const findings = [];
    for (const src of [null, '/api/metrics/github-octocat']) {
      const query = `?theme=pink${src ? `&src=${encodeURIComponent(src)}` : ''}`;
      const { context, page } = await openScreen({ query, size });
      try {
        const total = src ? TYPICAL.github : sum(TYPICAL);
        const which = src ? 'one source' : 'total';
        await waitForShown(page, total);
        await page.waitForFunction(() => document.querySelector('social-ticker').dataset.sparkline === 'shown', null, { timeout: WAIT_MS });
        const rows = await rowsOf(page);
        console.log(`[screen] ${size.name} ${which}: ${JSON.stringify(rows)}`);
        const { number, label, badge, banner } = rows;
        assert.ok(banner, 'the warning line shows');
        // Kept together: under the number, the label at once, and the badge after the rows between
        // them (growth, sparkline), with no more than a gap's room each, not half a screen away.
        if (label.top - number.bottom > 0.05 * size.height) {
          findings.push(`${which}: the label is ${Math.round(label.top - number.bottom)} px under the number`);
        }
        const between = ['label', 'growth', 'sparkline'].reduce((room, row) => room + (rows[row]?.height ?? 0), 0);
        const empty = badge.top - number.bottom - between;
        if (empty > 0.08 * size.height) {
          findings.push(`${which}: ${Math.round(empty)} px of empty space between the number and the badge`);
        }
        for (const row of ['number', 'label', 'growth', 'sparkline', 'badge', 'sources']) {
          const box = rows[row];
          if (box && box.left < banner.right && banner.left < box.right && box.top < banner.bottom && banner.top < box.bottom) {
            findings.push(`${which}: the warning (${Math.round(banner.top)}–${Math.round(banner.bottom)} px) covers the ${row}`
              + ` (${Math.round(box.top)}–${Math.round(box.bottom)} px)`);
          }
        }
        await screenshot(page, `screen-1080x1920-warning${src ? '-one-source' : ''}`);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(findings, [], 'on 1080×1920 the rows stay with the number and the warning covers none of them');
  });

  it('shows the growth of the sources that have history, marked partial, with their own sparkline', async () => {
    // One source of two backfilled: the sum's windows are null, and growth.partial says what the
    // backfilled one grew. The answers come from this test (page.route), as the service gives them.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`partial growth: ${error.message}`));
    const historyAsked = [];
    const now = Date.now();
    const at = new Date(now).toISOString().replace(/\.\d+Z$/, 'Z');
    const staleAt = new Date(now + 120_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const unknown = { oneDay: null, sevenDays: null, thirtyDays: null, approximate: false };
    const source = (id, profile, total, growth) => ({
      id, provider: 'github', profile, total, refreshedAt: at, staleAt, stale: false, error: null, growth, nextMilestone: null,
    });
    const body = {
      total: 29_190, profile: null, refreshedAt: at, staleAt, stale: false, error: null,
      growth: { ...unknown, partial: { oneDay: 58, sevenDays: 298, thirtyDays: 1_218, approximate: false, sources: ['github-alpha'] } },
      nextMilestone: null,
      sources: [
        source('github-alpha', 'alpha', 16_918, { oneDay: 58, sevenDays: 298, thirtyDays: 1_218, approximate: false }),
        source('github-beta', 'beta', 12_272, unknown),
      ],
    };
    const json = (answer) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
    await page.route((url) => url.pathname === '/api/metrics', (route) => route.fulfill(json(body)));
    await page.route((url) => url.pathname === '/api/metrics/history', (route) => {
      const url = new URL(route.request().url());
      historyAsked.push(url.searchParams.get('sources'));
      const points = Array.from({ length: 30 }, (_, i) => ({
        at: new Date(Math.floor(now / DAY_MS) * DAY_MS - (30 - i) * DAY_MS).toISOString(), count: 15_700 + 40 * i,
      }));
      return route.fulfill(json({ sources: (url.searchParams.get('sources') ?? '').split(','), step: 'day', points }));
    });
    try {
      await page.goto(new URL('/screen?release-check=off', base).href);
      await waitForShown(page, body.total);
      // The line is drawn once its history arrives; without one, what is shown says so below.
      await page.waitForFunction(() => document.querySelector('social-ticker').dataset.sparkline === 'shown', null, { timeout: WAIT_MS })
        .catch(() => {});
      const shown = await page.locator('social-ticker').evaluate((t) => ({
        growth: t.dataset.growth,
        partial: 'growthPartial' in t.dataset,
        text: t.shadowRoot.querySelector('.growth-text').textContent,
        speech: t.shadowRoot.querySelector('.growth-speech').textContent,
        note: t.shadowRoot.querySelector('.growth').title,
        sparkline: t.shadowRoot.querySelector('.sparkline svg')?.getAttribute('aria-label') ?? null,
      }));
      assert.deepEqual(shown, {
        growth: 'up',
        partial: true,
        text: '+58 today · 1 of 2 sources',
        speech: '58 more followers today. Counting 1 of 2 sources: the others have less than a day of history',
        note: 'Counting 1 of 2 sources: the others have less than a day of history',
        sparkline: 'Followers of 1 of 2 sources over the last 30 days: from 15,700 to 16,918',
      });
      assert.deepEqual(historyAsked, ['github-alpha'], 'the sparkline adds up the covered source alone');
      await screenshot(page, 'screen-partial-growth');
    } finally {
      await context.close();
    }
  });

  it('rotates through the sources with their provider’s name and icon, never blank', async () => {
    const { context, page } = await openScreen({
      query: `?show=rotate&rotate-every=${ROTATE_EVERY_MS / 1000}`, size: SIZES[2], colorScheme: 'dark', clock: true,
    });
    try {
      // Watches every frame: once a count is on screen, a frame without one is a blank screen.
      await page.evaluate(() => {
        window.seen = new Set();
        window.blankFrames = 0;
        const watch = () => {
          const shown = [...document.querySelectorAll('social-ticker')].filter((t) => !t.hidden);
          const counting = shown.filter((t) => t.dataset.total !== undefined);
          if (counting.length === 0 && window.seen.size > 0) window.blankFrames += 1;
          for (const t of counting) if (t.dataset.source) window.seen.add(t.dataset.source);
          if (shown.length > 1) window.blankFrames += 1000;
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      // Each turn on the page's clock: the watcher sees every source before the next jump.
      for (let sources = 1; sources <= 3; sources += 1) {
        if (sources > 1) await page.clock.fastForward(ROTATE_EVERY_MS);
        await page.waitForFunction((want) => window.seen.size === want, sources, { timeout: WAIT_MS });
      }
      const rotated = await page.evaluate(() => ({
        blankFrames: window.blankFrames,
        tickers: [...document.querySelectorAll('social-ticker')].map((t) => ({
          source: t.dataset.source,
          heading: t.shadowRoot.querySelector('.profile').textContent,
          icon: t.shadowRoot.querySelector('.profile .provider-icon svg path') !== null,
        })),
      }));
      assert.equal(rotated.blankFrames, 0, 'never a frame without a count, never two sources at once');
      assert.deepEqual(rotated.tickers.map(({ heading }) => heading).sort(),
        ['GitHub · @octocat', 'Instagram · @acme', 'Mastodon · @Gargron']);
      assert.ok(rotated.tickers.every(({ icon }) => icon), JSON.stringify(rotated.tickers));
      // Round again to the first source, with its sparkline, for the screenshot.
      await page.clock.fastForward(ROTATE_EVERY_MS);
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('social-ticker')].find((t) => !t.hidden);
        return shown?.dataset.source?.startsWith('instagram') && shown.dataset.sparkline === 'shown';
      }, null, { timeout: WAIT_MS });
      await screenshot(page, 'screen-1080x1920-rotate-dark');
    } finally {
      await context.close();
    }
  });

  it('hides a resting cursor and shows it again when the mouse moves', async () => {
    const { context, page } = await openScreen({ query: '?cursor-hide=1' });
    try {
      await waitForShown(page, sum(TYPICAL));
      const cursor = () => page.locator('social-ticker').evaluate((t) =>
        getComputedStyle(t.shadowRoot.querySelector('.total')).cursor);
      await page.waitForFunction(() => 'idle' in document.documentElement.dataset, null, { timeout: WAIT_MS });
      assert.equal(await cursor(), 'none');
      await page.mouse.move(200, 200);
      await page.mouse.move(400, 300);
      assert.equal(await page.evaluate(() => 'idle' in document.documentElement.dataset), false);
      assert.equal(await cursor(), 'auto');
      await page.waitForFunction(() => 'idle' in document.documentElement.dataset, null, { timeout: WAIT_MS });
    } finally {
      await context.close();
    }
  });

  it('keeps the screen awake, and asks again when the page is visible after being hidden', async () => {
    const { context, page } = await openScreen({
      // Headless Chromium's pages are always visible: the test hides and shows the page the way the
      // browser would (visibilityState, visibilitychange, the lock released), and sees every
      // request for a lock through the page's own navigator.wakeLock.
      beforeLoad: () => {
        let visibility = 'visible';
        Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => visibility });
        Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => visibility !== 'visible' });
        window.setVisibility = (next) => {
          visibility = next;
          document.dispatchEvent(new Event('visibilitychange'));
        };
        const request = navigator.wakeLock.request.bind(navigator.wakeLock);
        window.wakeLocks = [];
        navigator.wakeLock.request = async (type) => {
          const sentinel = await request(type);
          window.wakeLocks.push({ type, sentinel });
          return sentinel;
        };
      },
    });
    try {
      await waitForShown(page, sum(TYPICAL));
      await page.waitForFunction(() => document.documentElement.dataset.wakeLock === 'held', null, { timeout: WAIT_MS });
      assert.deepEqual(await page.evaluate(() => window.wakeLocks.map(({ type, sentinel }) => [type, sentinel.released])),
        [['screen', false]]);
      await page.evaluate(async () => {
        window.setVisibility('hidden');
        await window.wakeLocks[0].sentinel.release();
      });
      await page.waitForFunction(() => document.documentElement.dataset.wakeLock === 'released', null, { timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => window.wakeLocks.length), 1, 'no lock asked for while hidden');
      await page.evaluate(() => window.setVisibility('visible'));
      await page.waitForFunction(() => window.wakeLocks.length === 2 && document.documentElement.dataset.wakeLock === 'held',
        null, { timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => window.wakeLocks[1].sentinel.released), false);
    } finally {
      await context.close();
    }
  });

  it('keeps the last count and its age while offline or while the service is away, then comes back', async () => {
    let failing = false;
    const { context, page } = await openScreen({ failuresExpected: () => failing, clock: true });
    try {
      let loads = 0;
      page.on('load', () => { loads += 1; });
      await waitForShown(page, sum(TYPICAL));
      const online = await numeralsBox(page);
      failing = true;
      await context.setOffline(true);
      await jumpUntil(page, stateIs, 'offline');
      const offline = await page.locator('social-ticker').evaluate((t) => ({
        total: t.dataset.total, badge: t.shadowRoot.querySelector('.badge-text').textContent,
      }));
      assert.equal(offline.total, String(sum(TYPICAL)), 'the last count stays on screen');
      assert.match(offline.badge, /^Offline; showing last known count · updated (just now|.+ ago)$/);
      assert.deepEqual(await numeralsBox(page), online, 'the numerals neither blank nor move');
      await context.setOffline(false);
      // Back online, the page asks at once (its "online" listener; the ticker's browser test checks
      // that on a stopped clock): no jump of the clock.
      await waitForState(page, 'fresh');
      // The service itself going away: connections refused while the network is up.
      let refused = 0;
      const api = (url) => url.pathname.startsWith('/api/');
      await page.route(api, (route) => {
        refused += 1;
        return route.abort('connectionrefused');
      });
      const awayAt = await page.evaluate(() => Date.now());
      await jumpUntil(page, stateIs, 'offline');
      // Past the counts' staleAt (1 s refresh period here) while away: the page looks once more,
      // then leaves the pace to the back-off, until the stale grace runs out and the sources show
      // stale. It once asked again after every refusal, hundreds of times a second, all that while.
      // The time away is the page's own, jumps included.
      await jumpUntil(page, () => {
        const rows = [...document.querySelector('social-ticker').shadowRoot.querySelectorAll('li.source')];
        return rows.length === 3 && rows.every((row) => row.dataset.state === 'stale');
      });
      const awayMs = (await page.evaluate(() => Date.now())) - awayAt;
      const allowed = Math.ceil(awayMs / POLL_INTERVAL_MS) + 2;
      console.log(`[screen] away: ${refused} requests in ${awayMs} ms of the page's time, the back-off allows ${allowed}`);
      assert.ok(refused <= allowed, `${refused} requests in ${awayMs} ms away; the back-off allows ${allowed}`);
      await page.unroute(api);
      // The back-off's next try, however far: the clock jumps until the page has asked again.
      await jumpUntil(page, stateIs, 'fresh');
      failing = false;
      await waitForShown(page, sum(TYPICAL));
      assert.equal(loads, 0, 'the page was not reloaded (only a new release reloads it)');
    } finally {
      await context.close();
    }
  });

  it('reloads itself when a new ticker.js is served, and not otherwise', async () => {
    const file = join(env.FRONTEND_DIR, 'ticker.js');
    const original = readFileSync(file, 'utf8');
    const { context, page } = await openScreen({ query: `?release-check=${RELEASE_CHECK_MS / 1000}`, clock: true });
    try {
      let loads = 1;
      let checks = 0;
      page.on('load', () => { loads += 1; });
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/ticker.js' && request.resourceType() === 'fetch') checks += 1;
      });
      // The next check at once on the page's clock. A check still waiting for its answer has not
      // scheduled the next one yet, so the clock is jumped again until a new check goes out.
      const nextCheck = async () => {
        const sent = checks;
        await waitUntil(async () => {
          if (checks === sent) await page.clock.fastForward(RELEASE_CHECK_MS);
          return checks > sent;
        }, `release check ${sent + 1}`);
      };
      await waitForShown(page, sum(TYPICAL));
      await waitUntil(() => checks >= 1, 'the first release check');
      await nextCheck();
      await nextCheck();
      assert.equal(loads, 1, 'an unchanged ticker.js reloads nothing');
      writeFileSync(file, `${original}\n// release ${Date.now()}\n`);
      // Seen twice in a row (release-check.js), then reloaded.
      const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
      await nextCheck();
      await nextCheck();
      await reloaded;
      assert.equal(loads, 2);
      await waitForShown(page, sum(TYPICAL));
      const checked = checks;
      await waitUntil(() => checks >= checked + 1, 'the first release check after the reload');
      await nextCheck();
      await nextCheck();
      assert.equal(loads, 2, 'one reload for one release');
    } finally {
      await context.close();
      writeFileSync(file, original);
    }
  });

  it('celebrates a crossed milestone full screen for a few seconds, and without motion only in words', async () => {
    const motion = await openScreen({ clock: true });
    const still = await openScreen({ reducedMotion: 'reduce', clock: true });
    try {
      for (const { page } of [motion, still]) {
        await waitForShown(page, sum(TYPICAL));
        await page.waitForFunction(() => document.querySelector('social-ticker').dataset.sparkline === 'shown', null, { timeout: WAIT_MS });
      }
      const crossed = { ...TYPICAL, instagram: 20_000 };
      await upstreams.set(crossed);
      await serviceShows(base, sum(crossed));
      for (const { page } of [motion, still]) {
        // The next poll, at once.
        await page.clock.fastForward(POLL_INTERVAL_MS);
        await page.waitForFunction(() => document.querySelector('social-ticker').dataset.celebrating === '25000', null, { timeout: WAIT_MS });
      }
      const celebration = (page) => page.locator('social-ticker').evaluate((t) => {
        const element = t.shadowRoot.querySelector('.celebration');
        // Its layout box, not its bounding box: the celebration scales in and out as it shows.
        return {
          text: element.textContent,
          width: element.offsetWidth / innerWidth,
          height: element.offsetHeight / innerHeight,
          animations: element.getAnimations().length,
        };
      });
      const big = await celebration(motion.page);
      assert.equal(big.text, 'Milestone reached: 25,000 followers!');
      assert.ok(big.width >= 0.99 && big.height >= 0.99, `the whole screen celebrates: ${JSON.stringify(big)}`);
      assert.ok(big.animations > 0, 'with motion');
      await screenshot(motion.page, 'screen-milestone');
      const small = await celebration(still.page);
      assert.equal(small.text, 'Milestone reached: 25,000 followers!');
      assert.ok(small.height < 0.15, `with reduced motion no full-screen celebration: ${JSON.stringify(small)}`);
      assert.equal(small.animations, 0, 'and no animation');
      // The celebration's few seconds, at once; the count comes back after them.
      await motion.page.clock.fastForward(CELEBRATION_MS);
      await motion.page.waitForFunction(() => !('celebrating' in document.querySelector('social-ticker').dataset), null, { timeout: WAIT_MS });
      const back = await numeralsBox(motion.page);
      assert.equal(back.text, '25,308');
      assert.ok(back.width / SIZES[0].width >= MIN_WIDTH_RATIO, 'back to the count');
    } finally {
      await motion.context.close();
      await still.context.close();
      await upstreams.set(TYPICAL);
    }
  });

  it(`holds its memory over ${SOAK_HOURS} simulated hours of polls with changing counts`, { timeout: SOAK_TIMEOUT_MS }, async () => {
    // Hours on a fake clock (Playwright's page.clock): the page polls every 10 s (the service's
    // default ticker.ui.poll-interval), 360 times an hour, each answer a new count; the history is
    // read every 5 minutes. The answers come from this test (page.route), so a day takes minutes.
    // The heap is sampled at every quarter of the span and must not grow after the first quarter:
    // the short span catches a leak of a few hundred bytes a poll, the nightly day a smaller one.
    const start = Date.parse('2026-06-01T00:00:00Z');
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1920, height: 1080 } });
    await context.clock.install({ time: start });
    const page = await context.newPage();
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`soak: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`soak: ${error.message}`));
    const day = new SimulatedDay(start);
    await day.route(page);
    try {
      await page.goto(new URL('/screen?release-check=off', base).href);
      const cdp = await context.newCDPSession(page);
      const memory = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await cdp.send('Runtime.getHeapUsage');
        const counters = await cdp.send('Memory.getDOMCounters');
        return { heapBytes: heap.usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
      };
      // Not page.waitForFunction: its polling would run on the page's fake clock.
      await waitUntil(() => page.evaluate(() => document.querySelector('social-ticker')?.dataset.total !== undefined),
        'the first count');
      const samples = [{ hour: 0, polls: day.polls, ...(await memory()) }];
      const stepMs = 10_000;
      const spanMs = SOAK_HOURS * HOUR_MS;
      for (let poll = 1; poll <= spanMs / stepMs; poll += 1) {
        const changed = page.evaluate(() => new Promise((resolve) => {
          const element = document.querySelector('social-ticker');
          const shown = element.dataset.total;
          const observer = new MutationObserver(() => {
            if (element.dataset.total === shown) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(element, { attributes: true, attributeFilter: ['data-total'] });
        }));
        day.advance(stepMs);
        await page.clock.runFor(stepMs);
        await changed;
        if ((poll * stepMs) % (spanMs / 4) === 0) {
          samples.push({ hour: (poll * stepMs) / HOUR_MS, polls: day.polls, ...(await memory()) });
        }
      }
      for (const sample of samples) {
        console.log(`[screen soak] hour ${sample.hour}: ${sample.polls} polls, heap ${sample.heapBytes} B,`
          + ` ${sample.nodes} DOM nodes, ${sample.listeners} listeners`);
      }
      console.log(`[screen soak] ${day.polls} polls and ${day.historyReads} history reads in ${SOAK_HOURS} simulated hours`);
      assert.equal(await page.locator('social-ticker').evaluate((t) => t.dataset.total), String(day.total()));
      const [, quarter, , , last] = samples;
      assert.equal(samples.length, 5, 'a sample at the start and at every quarter');
      assert.ok(day.polls >= spanMs / stepMs, `a poll every 10 s: ${day.polls}`);
      assert.ok(last.heapBytes - quarter.heapBytes < 512 * 1024,
        `the heap does not grow from hour ${quarter.hour} to hour ${last.hour}: ${quarter.heapBytes} → ${last.heapBytes} B`);
      assert.ok(last.nodes - quarter.nodes < 100, `nor the DOM: ${quarter.nodes} → ${last.nodes} nodes`);
      assert.equal(last.listeners, quarter.listeners, 'nor its listeners');
    } finally {
      await context.close();
    }
  });
});

/** The three upstreams' answers, replaced in WireMock as a count changes. */
class Upstreams {
  #admin;
  #ids = new Map();

  constructor(wiremockUrl) {
    this.#admin = new URL('/__admin/mappings', wiremockUrl);
  }

  async set({ instagram, github, mastodon }) {
    await this.#stub('instagram', { method: 'GET', urlPathPattern: '/v[0-9.]+/[0-9]+' },
      { followers_count: instagram, username: 'acme', id: '17841400000000000' });
    await this.#stub('github', { method: 'GET', urlPath: '/users/octocat' }, { login: 'octocat', id: 1, followers: github });
    await this.#stub('mastodon', { method: 'GET', urlPath: '/api/v1/accounts/lookup' },
      { id: '1', username: 'Gargron', acct: 'Gargron', followers_count: mastodon });
  }

  // Replaced in place (PUT), so no refresh ever meets a moment without a stub.
  async #stub(name, request, jsonBody) {
    const mapping = { priority: 1, request, response: { status: 200, jsonBody, headers: { 'Content-Type': 'application/json' } } };
    const id = this.#ids.get(name);
    const answer = await fetch(id ? new URL(`${this.#admin}/${id}`) : this.#admin, {
      method: id ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(mapping),
    });
    const text = await answer.text();
    assert.ok(answer.ok, `WireMock refused a stub: ${answer.status} ${text}`);
    if (!id) this.#ids.set(name, JSON.parse(text).id);
  }

  async reset() {
    for (const id of this.#ids.values()) {
      await fetch(new URL(`${this.#admin}/${id}`), { method: 'DELETE' }).catch(() => {});
    }
    this.#ids.clear();
  }
}

/** The service's answers over one simulated day: three sources whose counts change at every poll. */
class SimulatedDay {
  polls = 0;
  historyReads = 0;
  #now;
  #counts = [100_000, 200_000, 7];

  constructor(start) {
    this.#now = start;
  }

  advance(ms) {
    this.#now += ms;
  }

  total() {
    return this.#counts.reduce((a, b) => a + b, 0);
  }

  async route(page) {
    const json = (body, headers = {}) => ({
      status: 200, contentType: 'application/json', headers: { Date: new Date(this.#now).toUTCString(), ...headers }, body: JSON.stringify(body),
    });
    await page.route((url) => url.pathname === '/api/ui-config', (route) => route.fulfill(json({ pollIntervalSeconds: 10 })));
    await page.route((url) => url.pathname === '/api/metrics/history', (route) => {
      this.historyReads += 1;
      const points = Array.from({ length: 31 }, (_, i) => ({
        at: new Date(this.#now - (30 - i) * DAY_MS).toISOString(), count: 290_000 + 300 * i + (this.historyReads % 7),
      }));
      return route.fulfill(json({ id: null, step: 'day', points }));
    });
    await page.route((url) => url.pathname === '/api/metrics', (route) => {
      this.polls += 1;
      this.#counts = this.#counts.map((count, i) => count + ((this.polls + i) % 5) + 1);
      return route.fulfill(json(this.#body(), { ETag: `"${this.polls}"` }));
    });
  }

  #body() {
    const at = new Date(this.#now).toISOString().replace(/\.\d+Z$/, 'Z');
    const staleAt = new Date(this.#now + 120_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const growth = { oneDay: 1_500, sevenDays: 9_000, thirtyDays: 27_000, approximate: false };
    const sources = [['github-octocat', 'github', 'octocat'], ['instagram-acme', 'instagram', 'acme'], ['mastodon-gargron', 'mastodon', 'Gargron']]
      .map(([id, provider, profile], i) => ({
        id, provider, profile, total: this.#counts[i], refreshedAt: at, staleAt, stale: false, error: null, growth, nextMilestone: null,
      }));
    return {
      total: this.total(), profile: null, refreshedAt: at, staleAt, stale: false, error: null, growth,
      nextMilestone: { value: 500_000, eta: null }, sources,
    };
  }
}

async function serviceShows(base, total, timeoutMs = WAIT_MS) {
  await waitUntil(async () => {
    const response = await fetch(new URL('/api/metrics', base));
    // Read whatever the status: an unread body holds its connection open, and the test process with it.
    const body = await response.text();
    return response.status === 200 && JSON.parse(body).total === total;
  }, `the service to show ${total}`, timeoutMs);
}

/** 30 days of history for every source, so the screen has growth and a sparkline to show. */
async function backfillEverySource(base, token) {
  const metrics = await (await fetch(new URL('/api/metrics', base))).json();
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  for (const source of metrics.sources) {
    const days = Array.from({ length: 30 }, (_, i) => {
      const date = new Date(today - (30 - i) * DAY_MS).toISOString().slice(0, 10);
      return `${date},${Math.round(source.total * (0.8 + 0.006 * i)) + [0, 9, -4, 6][i % 4]}`;
    });
    const response = await fetch(new URL(`/api/admin/history/${source.id}`, base), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: `date,count\n${days.join('\n')}\n`,
    });
    const text = await response.text();
    assert.equal(response.status, 200, `the backfill of ${source.id} answered ${response.status}: ${text}`);
  }
}

/** Waits until the shown ticker has the count, at rest (no digit rolling). */
async function waitForShown(page, total) {
  await page.waitForFunction((want) => {
    const shown = [...document.querySelectorAll('social-ticker')].find((t) => !t.hidden);
    return shown?.dataset.total === want && shown.dataset.state === 'fresh'
      && shown.shadowRoot.getAnimations().every((animation) => animation.transitionProperty !== 'transform');
  }, String(total), { timeout: WAIT_MS, polling: 100 });
}

/** In the page: whether the ticker is in the given state. */
function stateIs(want) {
  return document.querySelector('social-ticker')?.dataset.state === want;
}

/**
 * On a page on Playwright's clock: until `condition` (run in the page, with `arg`) holds, jumps the
 * clock a poll interval forward each time it does not, so each due timer fires at once.
 */
async function jumpUntil(page, condition, arg) {
  await waitUntil(async () => {
    if (await page.evaluate(condition, arg)) return true;
    await page.clock.fastForward(POLL_INTERVAL_MS);
    return page.evaluate(condition, arg);
  }, `${condition} ${arg ?? ''}`);
}

function waitForState(page, state, timeoutMs = WAIT_MS) {
  return page.waitForFunction((want) => document.querySelector('social-ticker')?.dataset.state === want,
    state, { timeout: timeoutMs, polling: 100 });
}

/** The numerals' box in the viewport, and how far the page scrolls. */
function numeralsBox(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('social-ticker')].find((t) => !t.hidden);
    const total = shown.shadowRoot.querySelector('.total');
    const box = total.getBoundingClientRect();
    return {
      text: shown.shadowRoot.querySelector('.value').textContent.split(' ')[0],
      left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height,
      scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
    };
  });
}

/** The boxes of the shown ticker's rows (those displayed), and of the settings warning while it shows. */
function rowsOf(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('social-ticker')].find((t) => !t.hidden);
    const box = (element) => {
      if (!element || element.hidden || getComputedStyle(element).display === 'none') return null;
      const { top, bottom, left, right, height } = element.getBoundingClientRect();
      return height > 0 ? { top, bottom, left, right, height } : null;
    };
    const part = (selector) => box(shown.shadowRoot.querySelector(selector));
    return {
      number: part('.total'), label: part('.label'), growth: part('.growth'), sparkline: part('.sparkline'),
      badge: part('.badge'), sources: part('.sources'), banner: box(document.querySelector('#screen-problems')),
    };
  });
}

/** What the page shows besides the ticker: its body's elements, and whether it scrolls. */
function chromeOf(page) {
  return page.evaluate(() => ({
    elements: [...document.body.children].map((element) => element.tagName),
    scrollbars: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
  }));
}

/** WCAG contrast ratios of the numerals and the label against the screen's background. */
function contrastOf(page) {
  return page.locator('social-ticker').evaluate((t) => {
    const rgb = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
    const luminance = (color) => {
      const [r, g, b] = rgb(color).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    const background = getComputedStyle(t.shadowRoot.querySelector('.card')).backgroundColor;
    return {
      darkBackground: luminance(background) < 0.5,
      numerals: ratio(getComputedStyle(t.shadowRoot.querySelector('.total')).color, background),
      label: ratio(getComputedStyle(t.shadowRoot.querySelector('.label')).color, background),
    };
  });
}

/** A screenshot of the screen at rest: no rotation fading in, no digit rolling. */
async function screenshot(page, name) {
  if (!env.SCREENSHOT_DIR) return;
  await page.waitForFunction(() => [...document.querySelectorAll('social-ticker')].every((t) => t.getAnimations().length === 0
    && t.shadowRoot.getAnimations().every((animation) => animation.transitionProperty !== 'transform')), null, { timeout: WAIT_MS });
  await page.screenshot({ path: join(env.SCREENSHOT_DIR, `${name}.png`) });
}
