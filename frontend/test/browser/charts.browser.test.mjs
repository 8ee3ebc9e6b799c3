// The charts page (/charts) in Debian's Chromium against the running service (TickerBrowserIT runs it
// after the ticker's test, on the same service: one source, the admin API on): a decade of daily counts given through the
// backfill, as a person moving from another tool would, then each range, the keyboard, the table, the
// CSV, the reader's locale and both themes. First paint and the range switches are printed, measured
// in this browser on this machine, not asserted (docs/performance.md keeps timings out of tests).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

const BASE = process.env.TICKER_BASE_URL;
const TOKEN = process.env.ADMIN_TOKEN;
const DAY_MS = 86_400_000;
const DAYS = 3_650;
const WAIT = { timeout: 20_000 };

/** A decade of days before today rising to `now`, from a third of it, with a wobble. */
function history(now) {
  return Array.from({ length: DAYS }, (_, i) => ({
    date: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - (DAYS - i) * DAY_MS).toISOString().slice(0, 10),
    count: Math.round(now * (1 / 3 + (2 / 3) * (i / DAYS))) + [0, 14, -6, 9, 21, -3][i % 6],
  }));
}

let browser;
let id;
let HISTORY;

before(async () => {
  // The source's count now, which the history then leads up to.
  let source;
  for (const deadline = Date.now() + 20_000; !Number.isFinite(source?.total);) {
    if (Date.now() > deadline) throw new Error(`the source has no count: ${JSON.stringify(source)}`);
    if (source) await new Promise((ok) => setTimeout(ok, 100));
    source = (await (await fetch(new URL('/api/metrics', BASE))).json()).sources[0];
  }
  id = source.id;
  HISTORY = history(source.total);
  const response = await fetch(new URL(`/api/admin/history/${id}`, BASE), {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' },
    body: `date,count\n${HISTORY.map(({ date, count }) => `${date},${count}`).join('\n')}\n`,
  });
  const text = await response.text();
  assert.equal(response.status, 200, `the backfill answered ${response.status}: ${text}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(() => browser?.close());

/** A page whose script errors fail the test. */
async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(path, BASE).href);
  return { page, errors, close: () => context.close() };
}

function shown(page, range) {
  return page.waitForFunction((want) => document.documentElement.dataset.shown === want, range, WAIT);
}

async function screenshot(page, name) {
  if (!process.env.SCREENSHOT_DIR) return;
  mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `charts-${name}.png`) });
}

describe('the charts page', () => {
  it('draws a decade of days, and switches between every range without a reload', async () => {
    const { page, errors, close } = await open(`/charts?src=${id}&range=all`);
    await shown(page, 'all');
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    console.log(`# first contentful paint ${Math.round(paint)} ms, ${DAYS} daily points`);
    // The provider as its file names it ("Instagram"), not its id.
    assert.match(await page.textContent('#title'), / on [A-Z]\w*: followers$/);
    assert.match(await page.textContent('#figures'), /followers now/);
    const first = HISTORY[0].count.toLocaleString('en');
    assert.match(await page.getAttribute('#count-chart', 'aria-label'), new RegExp(`^Count over All: ${first} to [\\d,]+ followers`));
    assert.equal(await page.locator('#count-chart canvas').count(), 1, 'the count drawn');
    assert.equal(await page.locator('#gains-chart canvas').count(), 1, 'the gains drawn');
    await screenshot(page, 'all-light');

    // A reload would forget this (replaceState, which keeps the range in the address, does not).
    await page.evaluate(() => { window.sameDocument = true; });
    for (const range of ['7d', '30d', '90d', '1y', 'all']) {
      const ms = await page.evaluate(async (want) => {
        const start = performance.now();
        document.querySelector(`[data-range="${want}"]`).click();
        while (document.documentElement.dataset.shown !== want) await new Promise((ok) => setTimeout(ok, 5));
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        return performance.now() - start;
      }, range);
      console.log(`# switch to ${range}: ${Math.round(ms)} ms`);
      assert.equal(await page.getAttribute(`[data-range="${range}"]`, 'aria-pressed'), 'true');
      assert.equal(await page.locator('#ranges [aria-pressed="true"]').count(), 1);
      assert.equal(new URL(page.url()).searchParams.get('range'), range, 'the address says the range');
    }
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
    await close();
  });

  it('is used with the keyboard, and shows the same data as a table in the reader\'s locale', async () => {
    const { page, errors, close } = await open(`/charts?src=${id}&range=30d&locale=de-DE`);
    await shown(page, '30d');
    await page.focus('[data-range="1y"]');
    await page.keyboard.press('Enter');
    await shown(page, '1y');
    await page.focus('summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#data tbody tr').length > 300, null, WAIT);
    const rows = await page.$$eval('#data tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.ok(rows.length >= 364 && rows.length <= 366, `${rows.length} days in a year`);
    const last = HISTORY.at(-1).count;
    assert.ok(rows.some(([, count]) => count === last.toLocaleString('de-DE')), `${last} written as in German`);
    assert.match(await page.textContent('#table-caption'), /followers over 1 year/);
    assert.deepEqual(errors, []);
    await close();
  });

  it('downloads the range shown as CSV', async () => {
    const { page, close } = await open(`/charts?src=${id}&range=90d`);
    await shown(page, '90d');
    const href = await page.getAttribute('#csv', 'href');
    assert.match(href, /format=csv/);
    assert.match(href, /step=day/);
    const csv = await (await fetch(new URL(href, BASE))).text();
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'at,count,min,max');
    assert.ok(lines.length >= 89 && lines.length <= 92, `${lines.length - 1} days in 90`);
    await close();
  });

  it('follows the dark theme and reduced motion', async () => {
    const { page, errors, close } = await open(`/charts?src=${id}&range=1y&theme=dark`, { reducedMotion: 'reduce' });
    await shown(page, '1y');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(11, 12, 16)');
    await screenshot(page, '1y-dark');
    assert.deepEqual(errors, []);
    await close();
  });

  it('says so when the address names no source or ticker', async () => {
    const { page, close } = await open('/charts?src=nobody-here');
    await page.waitForFunction(() => document.querySelector('#status').textContent !== '', null, WAIT);
    assert.equal(await page.textContent('#status'), 'No source or ticker is named nobody-here');
    await close();
  });
});
