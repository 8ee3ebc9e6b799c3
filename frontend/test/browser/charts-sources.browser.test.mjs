// The charts page with several sources (compare, stacked, the cap) and <social-ticker-chart> on another
// site's page, in Debian's Chromium. TickerBrowserIT runs it after the charts' test. Its service has one
// source, which the ticker's test needs alone (its page sums every source), so this test starts a
// second service of its own: the packaged jar (SERVICE_JAR, run by JAVA) with nine demo sources (one
// more than the page draws one by one), a named ticker "team" of three, and a file store seeded
// before the start with each source's history in the service's own format (docs/history.md): 400
// days and the last 90 days' hours, which neither the backfill (days only) nor a running service can
// give. First paint, view and range switches are printed, measured in this browser on this machine,
// not asserted (docs/performance.md keeps timings out of tests).
//
//   SERVICE_JAR, JAVA    the service's jar and the java that runs it (JAVA_FLAGS: its JVM options, optional)
//   TICKER_BASE_URL      TickerBrowserIT's own service (one Instagram source), which an embedded chart reads too
//   EMBED_ORIGIN_PORT    a free port for the other site's page; both services allow its origin
//   SCREENSHOT_DIR       where the PNGs go (optional)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

const env = process.env;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const DAYS = 400;
const HOURS = 90 * 24;
const ACCOUNTS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota'];
const TEAM = ACCOUNTS.slice(0, 3);
const EMBED_ORIGIN = `http://127.0.0.1:${env.EMBED_ORIGIN_PORT}`;
const WAIT = { timeout: 20_000 };
const ADMIN_TOKEN = 'charts-sources-test-admin-token-0123456789';

/** String.hashCode, as the demo provider's simulator (DemoFollowerSimulator) starts from it. */
function javaHash(text) {
  let hash = 0;
  for (const char of text) hash = (Math.imul(31, hash) + char.charCodeAt(0)) | 0;
  return hash;
}

/** The demo provider's first count of an account, which the seeded history leads up to. */
const demoStart = (account) => 12_000 + (((javaHash(account) % 5_000) + 5_000) % 5_000);

/** The seeded count of source `k` at `ms`: from a share of its count now, rising to it. */
function countAt(k, account, ms, now) {
  const share = [0.3, 0.6, 0.45][k % 3];
  const f = Math.max(0, 1 - (now - ms) / (DAYS * DAY_MS));
  return Math.round(demoStart(account) * (share + (1 - share) * f ** (1 + (k % 3) / 2)));
}

/** One source's history document (history/HistoryCodec: each number the difference from the one before). */
function historyDocument(k, account, now) {
  const today = Math.floor(now / DAY_MS);
  const thisHour = Math.floor(now / HOUR_MS);
  const days = Array.from({ length: DAYS }, (_, i) => today - DAYS + i).map((day) => ({
    key: day,
    count: countAt(k, account, day * DAY_MS + 23 * HOUR_MS, now),
    min: countAt(k, account, day * DAY_MS, now),
  }));
  const hours = Array.from({ length: HOURS }, (_, i) => thisHour - HOURS + i)
    .map((hour) => ({ key: hour, count: countAt(k, account, hour * HOUR_MS, now) }));
  const encode = (points, withRange) => {
    let key = 0;
    let count = 0;
    return points.flatMap((point) => {
      const numbers = [point.key - key, point.count - count, ...(withRange ? [point.count - point.min, 0] : [])];
      ({ key, count } = point);
      return numbers;
    });
  };
  // Milestones already passed are no news: nothing is celebrated at the first reading.
  return { version: 1, celebrated: 10_000_000, liveSinceDay: today, raw: [], hour: encode(hours, false), day: encode(days, true) };
}

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

let base;
let service;
let store;
let browser;
let mainSourceId;
const servers = [];

/** Starts the jar on a seeded store and waits until every source has a count. */
async function startService() {
  store = mkdtempSync(join(tmpdir(), 'charts-sources-'));
  mkdirSync(join(store, 'history'));
  const now = Date.now();
  ACCOUNTS.forEach((account, k) => writeFileSync(join(store, 'history', `demo-${account}.json`),
    JSON.stringify(historyDocument(k, account, now))));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const log = join(store, 'service.log');
  const args = [
    ...(env.JAVA_FLAGS ?? '').split(' ').filter(Boolean),
    '-jar', env.SERVICE_JAR, `--server.port=${port}`, '--server.address=127.0.0.1', '--management.server.port=0',
    '--ticker.store.type=file', `--ticker.store.dir=${store}`,
    ...ACCOUNTS.flatMap((account, i) => [`--ticker.sources[${i}].provider=demo`, `--ticker.sources[${i}].account=${account}`]),
    `--ticker.tickers.team.sources=${TEAM.map((account) => `demo-${account}`).join(',')}`,
    `--ticker.cors.allowed-origins=${EMBED_ORIGIN}`,
    `--ticker.admin.token=${ADMIN_TOKEN}`,
  ];
  const output = openSync(log, 'w');
  // Not this test's environment: the service reads every TICKER_* variable as its configuration (and
  // refuses one it does not know), and its working folder, where it looks for routes/, is the store's.
  const own = Object.fromEntries(['PATH', 'HOME', 'JAVA_HOME', 'LANG', 'TMPDIR'].filter((name) => env[name]).map((name) => [name, env[name]]));
  service = spawn(env.JAVA || 'java', args, { cwd: store, env: own, stdio: ['ignore', output, output] });
  closeSync(output);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const body = await fetch(`${base}/api/metrics`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    if (body?.sources?.every((source) => Number.isFinite(source.total))) return body;
    if (Date.now() > deadline || service.exitCode !== null) {
      let tail = '';
      try { tail = readFileSync(log, 'utf8').slice(-3_000); } catch { /* no log yet */ }
      throw new Error(`the second service did not start (exit ${service.exitCode}):\n${tail}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** A page of another site, at `port`, with `body` (the elements) and the element's script from `from`. */
function serveSite(port, body, from) {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Our community</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${from}/ticker-chart.js"></script>
  <style>
    body { margin: 0; padding: 24px; background: #fdf6ec; font-family: Georgia, serif; display: grid; gap: 16px; }
    social-ticker-chart { max-width: 760px; --ticker-chart-height: 200px; }
  </style>
</head>
<body><h1>Our community</h1>${body}</body>
</html>`;
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    }).listen(port, '127.0.0.1', () => resolve(server));
    servers.push(server);
  });
}

before(async () => {
  assert.ok(env.SERVICE_JAR, 'SERVICE_JAR names the packaged jar (TickerBrowserIT sets it)');
  const main = await (await fetch(new URL('/api/metrics', env.TICKER_BASE_URL))).json();
  mainSourceId = main.sources[0].id;
  const started = Date.now();
  await startService();
  console.log(`# second service with ${ACCOUNTS.length} seeded sources up in ${Date.now() - started} ms`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  for (const server of servers) await new Promise((ok) => server.close(ok));
  if (service && service.exitCode === null) {
    const exited = new Promise((ok) => service.once('exit', ok));
    service.kill('SIGTERM');
    await exited;
  }
  if (store) rmSync(store, { recursive: true, force: true });
});

/** A page whose script errors and Content-Security-Policy violations fail the test. */
async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US', ...options });
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => {
    throw new Error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

function shown(page, range, view) {
  return page.waitForFunction(([r, v]) => document.documentElement.dataset.shown === r
    && document.documentElement.dataset.drawn === v, [range, view], WAIT);
}

async function screenshot(page, name) {
  if (!env.SCREENSHOT_DIR) return;
  mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(env.SCREENSHOT_DIR, `${name}.png`) });
}

/** Clicks a toggle and waits for the page to show it; the time to its second frame after. */
function timedClick(page, selector, range, view) {
  return page.evaluate(async ([s, r, v]) => {
    const start = performance.now();
    document.querySelector(s).click();
    const root = document.documentElement.dataset;
    while (root.shown !== r || root.drawn !== v) await new Promise((ok) => setTimeout(ok, 5));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return performance.now() - start;
  }, [selector, range, view]);
}

const numberOf = (text) => Number(text.replaceAll(',', ''));
const labels = TEAM.map((account) => `${account} on Demo`);

describe('the charts page with several sources', () => {
  it('compares a named ticker\'s sources, a line each named by profile and provider, in every range', async () => {
    const { page, errors, close } = await open(`${base}/charts?src=team&range=1y&view=compare`);
    await shown(page, '1y', 'compare');
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    const drawn = await page.evaluate(() => performance.now());
    console.log(`# compare view, 3 sources x 365 days: first contentful paint ${Math.round(paint)} ms, drawn by ${Math.round(drawn)} ms`);
    assert.deepEqual(await page.$$eval('#legend li', (items) => items.map((item) => item.textContent)), labels);
    assert.equal(await page.getAttribute('[data-view="compare"]', 'aria-pressed'), 'true');
    assert.equal(await page.locator('#views [aria-pressed="true"]').count(), 1);
    assert.match(await page.getAttribute('#count-chart', 'aria-label'),
      /^Count over 1 year, a line per source: alpha on Demo [\d,]+ to [\d,]+ followers; beta on Demo .*; gamma on Demo /);
    assert.equal(await page.locator('#count-chart canvas').count(), 1);
    assert.equal(await page.locator('#gains-chart canvas').count(), 1);
    // Each source in its own colour, in the legend as on the chart.
    const keys = await page.$$eval('#legend .key', (spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
    assert.equal(new Set(keys).size, 3, `three colours: ${keys}`);
    assert.equal(await page.textContent('#series-note'), '', 'no source left out');
    await screenshot(page, 'charts-compare-light');

    await page.evaluate(() => { window.sameDocument = true; });
    for (const range of ['7d', '30d', '90d', 'all', '1y']) {
      const ms = await timedClick(page, `[data-range="${range}"]`, range, 'compare');
      console.log(`# compare view, switch to ${range}: ${Math.round(ms)} ms`);
      const address = new URL(page.url()).searchParams;
      assert.deepEqual([address.get('range'), address.get('view')], [range, 'compare'], 'the address says both');
      assert.equal(await page.locator('#legend li').count(), 3);
    }
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
    await close();
  });

  it('stacks them: a column per source in the table, whose total is the service\'s own sum, and the CSV alike', async () => {
    const { page, errors, close } = await open(`${base}/charts?src=team&range=90d&view=compare&theme=dark`);
    await shown(page, '90d', 'compare');
    await screenshot(page, 'charts-compare-dark');
    const ms = await timedClick(page, '[data-view="stacked"]', '90d', 'stacked');
    console.log(`# switch from compare to stacked, 90 days: ${Math.round(ms)} ms`);
    assert.equal(new URL(page.url()).searchParams.get('view'), 'stacked');
    assert.match(await page.getAttribute('#count-chart', 'aria-label'), /a stacked band per source/);
    await page.click('#data summary');
    await page.waitForFunction(() => document.querySelectorAll('#data tbody tr').length > 80, null, WAIT);
    assert.deepEqual(await page.$$eval('#data thead th', (ths) => ths.map((th) => th.textContent)), ['Time', ...labels, 'Total']);
    const rows = await page.$$eval('#data tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(1).map((td) => td.textContent)));
    for (const row of rows) {
      const [a, b, c, total] = row.map(numberOf);
      assert.equal(total, a + b + c, `a row's total is its sources' sum: ${row}`);
    }
    // The page's sum of three histories is the service's sum of the same three, instant by instant
    // (the last, today's, may have moved between the two reads).
    const from = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 89 * DAY_MS).toISOString().slice(0, 10);
    const sum = await (await fetch(`${base}/api/metrics/history?sources=${TEAM.map((a) => `demo-${a}`).join(',')}&step=day&from=${from}`)).json();
    assert.deepEqual(rows.slice(0, -1).map((row) => numberOf(row[3])), sum.points.slice(0, -1).map(({ count }) => count));

    const href = await page.getAttribute('#csv', 'href');
    assert.match(href, /^blob:/, 'the CSV of the sources is made in the page');
    assert.match(await page.getAttribute('#csv', 'download'), /^team-90d-stacked\.csv$/);
    // As the reader gets it: a download (the page's policy lets no script read a blob: address).
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], `at,${TEAM.map((a) => `demo-${a}`).join(',')},total`);
    assert.equal(lines.length, rows.length + 1);
    assert.equal(Number(lines.at(-2).split(',').at(-1)), numberOf(rows.at(-2)[3]), 'the CSV says what the table says');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await screenshot(page, 'charts-stacked-dark');
    assert.deepEqual(errors, []);
    await close();
  });

  it('draws one line where there is one source or the sum is asked, and offers views only for several', async () => {
    const single = await open(`${base}/charts?src=demo-alpha&range=90d&view=compare`);
    await shown(single.page, '90d', 'sum');
    assert.equal(await single.page.isHidden('#views'), true, 'one source: nothing to compare');
    assert.equal(await single.page.locator('#legend li').count(), 0);
    assert.match(await single.page.getAttribute('#csv', 'href'), /^\/api\/metrics\/demo-alpha\/history\?.*format=csv/);
    await single.close();

    const team = await open(`${base}/charts?src=team&range=90d`);
    await shown(team.page, '90d', 'sum');
    assert.equal(await team.page.isVisible('#views'), true);
    assert.equal(await team.page.getAttribute('[data-view="sum"]', 'aria-pressed'), 'true');
    assert.equal(await team.page.locator('#legend li').count(), 0, 'one line needs no legend');
    // The ticker's own history address: it does not list the sources (hundreds would not fit).
    assert.match(await team.page.getAttribute('#csv', 'href'), /^\/api\/tickers\/team\/history\?step=day&/);
    assert.deepEqual(team.errors, []);
    await team.close();

    const every = await open(`${base}/charts?range=90d`);
    await shown(every.page, '90d', 'sum');
    assert.match(await every.page.getAttribute('#csv', 'href'), /^\/api\/metrics\/history\?step=day&/, 'every source: the sum');
    assert.deepEqual(every.errors, []);
    await every.close();
  });

  it('draws the eight largest of nine sources one by one, says so, and the sum counts all nine', async () => {
    const { page, errors, close } = await open(`${base}/charts?range=90d&view=compare`);
    await shown(page, '90d', 'compare');
    const all = (await (await fetch(`${base}/api/metrics`)).json()).sources;
    const smallest = [...all].sort((a, b) => a.total - b.total)[0];
    const legend = await page.$$eval('#legend li', (items) => items.map((item) => item.textContent));
    assert.equal(legend.length, 8);
    assert.ok(!legend.includes(`${smallest.profile} on Demo`), `the smallest, ${smallest.id}, is left out: ${legend}`);
    assert.match(await page.textContent('#series-note'), /^Showing the 8 largest of 9 sources one by one \(at most 8\); the Sum view counts all 9\.$/);
    await timedClick(page, '[data-view="sum"]', '90d', 'sum');
    assert.equal(await page.textContent('#series-note'), '');
    assert.deepEqual(errors, []);
    await close();
  });

  it('draws 30 days of hourly points from a store holding 90 days of hours', async () => {
    const started = Date.now();
    const answer = await (await fetch(`${base}/api/metrics/demo-alpha/history?step=hour&from=${new Date(Date.now() - 90 * DAY_MS).toISOString().slice(0, 10)}`)).json();
    console.log(`# the API's 90 days of hours for one source: ${answer.points.length} points in ${Date.now() - started} ms`);
    assert.ok(answer.points.length >= HOURS - 24, `${answer.points.length} hours kept`);
    const { page, errors, close } = await open(`${base}/charts?src=demo-alpha&range=30d`);
    await shown(page, '30d', 'sum');
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    console.log(`# 30 days of hours, one source: first contentful paint ${Math.round(paint)} ms, drawn by ${Math.round(await page.evaluate(() => performance.now()))} ms`);
    for (const range of ['7d', '90d', '30d']) {
      console.log(`# one source, switch to ${range} (hourly store): ${Math.round(await timedClick(page, `[data-range="${range}"]`, range, 'sum'))} ms`);
    }
    await page.click('#data summary');
    await page.waitForFunction(() => document.querySelectorAll('#data tbody tr').length > 600, null, WAIT);
    const rows = await page.locator('#data tbody tr').count();
    assert.ok(rows >= 29 * 24 && rows <= 31 * 24, `${rows} hourly rows in 30 days`);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('<social-ticker-chart> on another site', () => {
  it('draws a ticker stacked, a source in the dark in German, and the first service\'s source, from another origin', async () => {
    await serveSite(Number(env.EMBED_ORIGIN_PORT), `
      <social-ticker-chart id="team" src="${base}/api/tickers/team" range="1y" view="stacked"></social-ticker-chart>
      <social-ticker-chart id="dark" src="${base}/api/metrics/demo-beta" range="30d" theme="dark" locale="de-DE"></social-ticker-chart>
      <social-ticker-chart id="main" src="${new URL(`/api/metrics/${mainSourceId}`, env.TICKER_BASE_URL)}" range="90d"></social-ticker-chart>
      <social-ticker-chart id="nobody" src="${base}/api/metrics/nobody-here"></social-ticker-chart>`, base);
    const { page, errors, close } = await open(`${EMBED_ORIGIN}/`, { viewport: { width: 820, height: 1400 }, reducedMotion: 'reduce' });
    await page.waitForFunction(() => [...document.querySelectorAll('social-ticker-chart')].every((chart) => chart.dataset.shown), null, WAIT);
    const read = (id) => page.locator(`#${id}`).evaluate((chart) => ({
      shown: chart.dataset.shown,
      view: chart.dataset.view,
      title: chart.shadowRoot.querySelector('.title').textContent,
      legend: [...chart.shadowRoot.querySelectorAll('.legend li')].map((li) => li.textContent),
      canvases: chart.shadowRoot.querySelectorAll('canvas').length,
      rows: chart.shadowRoot.querySelectorAll('tbody tr').length,
      head: [...chart.shadowRoot.querySelectorAll('thead th')].map((th) => th.textContent),
      label: chart.shadowRoot.querySelector('.chart').getAttribute('aria-label'),
      status: chart.shadowRoot.querySelector('.status').textContent,
      background: getComputedStyle(chart.shadowRoot.querySelector('.card')).backgroundColor,
      uplotStyled: getComputedStyle(chart.shadowRoot.querySelector('.u-wrap') ?? chart).position === 'relative',
    }));
    const team = await read('team');
    assert.deepEqual([team.shown, team.view, team.title], ['1y', 'stacked', 'team: followers, 1 year']);
    assert.deepEqual(team.legend, labels);
    assert.equal(team.canvases, 1);
    assert.ok(team.rows >= 364 && team.rows <= 367, `${team.rows} days`);
    assert.deepEqual(team.head, ['Time', ...labels, 'Total']);
    assert.equal(team.background, 'rgb(255, 255, 255)', 'light: the reader\'s own scheme');
    assert.equal(team.uplotStyled, true, 'uPlot\'s stylesheet applies inside the shadow root');

    const dark = await read('dark');
    assert.deepEqual([dark.shown, dark.view, dark.title], ['30d', 'sum', 'beta on Demo: followers, 30 days']);
    assert.equal(dark.background, 'rgb(18, 20, 27)', 'theme="dark"');
    assert.match(dark.label, /^Count over 30 days: \d{1,2}\.\d{3} to \d{1,2}\.\d{3} followers/, 'numbers in German');

    const main = await read('main');
    assert.equal(main.shown, '90d');
    assert.equal(main.canvases, 1);
    assert.ok(main.rows >= 89, `${main.rows} days of the first service's decade`);

    const nobody = await read('nobody');
    assert.equal(nobody.shown, 'error');
    assert.match(nobody.status, /^Could not load the chart: .*nobody-here answered HTTP 404$/);
    assert.equal(nobody.canvases, 0);

    // The theme follows the attribute after the start too.
    await page.locator('#team').evaluate((chart) => chart.setAttribute('theme', 'dark'));
    assert.equal(await page.locator('#team').evaluate((chart) => getComputedStyle(chart.shadowRoot.querySelector('.card')).backgroundColor), 'rgb(18, 20, 27)');
    await page.locator('#team').evaluate((chart) => chart.removeAttribute('theme'));
    await page.locator('#nobody').evaluate((chart) => chart.remove());
    if (env.SCREENSHOT_DIR) {
      mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(env.SCREENSHOT_DIR, 'ticker-chart-embed.png'), fullPage: true });
    }
    assert.deepEqual(errors, []);
    await close();
  });

  it('is refused to a site the service does not list', async () => {
    const port = await freePort();
    await serveSite(port, `<social-ticker-chart src="${base}/api/tickers/team"></social-ticker-chart>`, base);
    const refused = await fetch(`${base}/ticker-chart.js`, { headers: { Origin: `http://127.0.0.1:${port}` } });
    await refused.arrayBuffer();
    assert.equal(refused.status, 403, 'the service refuses the script to an origin it does not list');
    const context = await browser.newContext();
    const page = await context.newPage();
    // The load event waits for the page's module scripts, fetched or failed.
    await page.goto(`http://127.0.0.1:${port}/`);
    assert.equal(await page.evaluate(() => customElements.get('social-ticker-chart')), undefined, 'the element was never defined');
    await context.close();
  });
});
