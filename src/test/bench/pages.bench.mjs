// pages.bench.mjs BASE SOURCES ROUNDS — run by pages.sh: the charts page and the status console in
// Debian's Chromium against a service that pages.sh started and filled; prints each timing's min–max
// over ROUNDS fresh pages. The console draws 250 rows before "Show more" (ROWS_AT_ONCE); with more
// sources, "Show all" and a sort of every row drawn are timed too. A timing ends two animation frames after the page says it has drawn (its
// data-shown / data-rows attribute), so the frame is on screen, not just in the DOM.
import { chromium } from '../../../frontend/node_modules/playwright-core/index.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../frontend/test/browser/support.mjs';

const [base, sources, rounds = '3'] = process.argv.slice(2);
const WAIT = { timeout: 60_000 };
const RANGES = ['7d', '30d', '90d', '1y', 'all'];

/** Resolves two frames after `condition` holds in the page; the time from `since` (performance.now()). */
async function after(page, condition, arg) {
  await page.waitForFunction(condition, arg, WAIT);
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))));
}

async function paint(page) {
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
}

async function charts(browser, address) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(address);
  const drawn = await after(page, () => document.documentElement.dataset.shown === '30d');
  const timings = { 'first contentful paint': await paint(page), 'first chart drawn (30 days)': drawn };
  for (const range of RANGES) {
    const start = await page.evaluate(() => performance.now());
    await page.click(`#ranges button[data-range="${range}"]`);
    timings[`switch to ${range}`] = (await after(page, (r) => document.documentElement.dataset.shown === r, range)) - start;
  }
  await page.close();
  return timings;
}

async function status(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/status`);
  const firstDrawn = String(Math.min(Number(sources), 250));
  const first = await after(page, (n) => document.documentElement.dataset.drawnRows === n, firstDrawn);
  const timings = { 'first contentful paint': await paint(page), [`first ${firstDrawn} rows drawn`]: first };
  const step = async (name, act, rows) => {
    const start = await page.evaluate(() => performance.now());
    await act();
    timings[name] = (await after(page, (n) => document.documentElement.dataset.rows === n, String(rows))) - start;
  };
  const failing = await page.$$eval('#sources tbody tr[data-state="failing"]', (rows) => rows.length);
  await step('"Failing only"', () => page.click('#failing-only'), failing);
  await step('all again', () => page.click('#failing-only'), sources);
  // A sort leaves the rows' number as it is: the attribute is set again, so wait on the first row.
  const start = await page.evaluate(() => performance.now());
  await page.click('th[data-sort="total"] button');
  timings['sort by count'] = (await after(page, () => document.querySelector('th[data-sort="total"]')?.getAttribute('aria-sort') === 'ascending')) - start;
  await step('search (one source)', () => page.fill('#find', 'instagram-17841400000000000'), 1);
  if (Number(sources) > 250) {
    await page.fill('#find', '');
    await page.waitForFunction((n) => document.documentElement.dataset.rows === n, sources, WAIT);
    const before = await page.evaluate(() => performance.now());
    await page.click('#show-all');
    timings[`"Show all" ${sources}`] = (await after(page, (n) => document.documentElement.dataset.drawnRows === n, sources)) - before;
    const sorted = await page.evaluate(() => performance.now());
    await page.click('th[data-sort="total"] button');
    timings[`sort by count, all ${sources} drawn`] = (await after(page, () => document.querySelector('th[data-sort="total"]')?.getAttribute('aria-sort') === 'descending')) - sorted;
  }
  const bytes = await page.evaluate(async () => (await (await fetch('/api/status')).text()).length);
  await page.close();
  return { timings, bytes };
}

function report(title, runs) {
  console.log(title);
  for (const name of Object.keys(runs[0])) {
    const values = runs.map((run) => run[name]);
    console.log(`  ${name.padEnd(32)} ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ms`);
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const first = (await (await fetch(`${base}/api/status`)).json()).sources[0].id;
  const chartsAddress = Number(sources) === 1 ? `${base}/charts?src=${first}` : `${base}/charts`;
  const chartRuns = [];
  for (let i = 0; i < Number(rounds); i++) chartRuns.push(await charts(browser, chartsAddress));
  report(`charts (${chartsAddress.replace(base, '')}):`, chartRuns);
  const statusRuns = [];
  let bytes = 0;
  for (let i = 0; i < Number(rounds); i++) {
    const run = await status(browser);
    statusRuns.push(run.timings);
    bytes = run.bytes;
  }
  report(`status console (/api/status: ${Math.round(bytes / 1024)} KB):`, statusRuns);
} finally {
  await browser.close();
}
