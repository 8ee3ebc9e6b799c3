// The status console (/status) in Debian's Chromium against the running service (TickerBrowserIT
// runs it last, on the same service and its one source, no output, no alert channel, alone): the
// table as /api/status says it, sorting and filtering with the keyboard, the deliveries' sections,
// the admin actions once a token is entered (a refused token too), both themes, and no script error.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

const BASE = process.env.TICKER_BASE_URL;
const TOKEN = process.env.ADMIN_TOKEN;
const WAIT = { timeout: 20_000 };
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(() => browser?.close());

function rows(page, count) {
  return page.waitForFunction((want) => document.documentElement.dataset.rows === String(want), count, WAIT);
}

describe('the status console', () => {
  it('shows every source as /api/status says, sorted and filtered from the keyboard', async () => {
    const status = await (await fetch(new URL('/api/status', BASE))).json();
    const [source] = status.sources;
    const page = await browser.newPage({ viewport: { width: 1400, height: 600 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL('/status', BASE).href);
    await rows(page, 1);

    const cells = await page.$$eval('#sources tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    assert.ok(cells[0].startsWith(source.id), cells[0]);
    assert.equal(cells[1], source.provider);
    assert.equal(cells[2], source.state);
    assert.match(await page.textContent('#summary'), /^1 source: /);

    await page.focus('th[data-sort="total"] button');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-sort="total"]', 'aria-sort'), 'ascending');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-sort="total"]', 'aria-sort'), 'descending');
    assert.equal(await page.getAttribute('th[data-sort="state"]', 'aria-sort'), 'none');

    await page.focus('#find');
    await page.keyboard.type('nobody-by-this-name');
    await rows(page, 0);
    assert.equal(await page.textContent('#caption'), '0 of 1 source');
    await page.fill('#find', '');
    await rows(page, 1);

    await page.focus('#failing-only');
    await page.keyboard.press('Space');
    const failing = source.state === 'failing' || source.state === 'no-data';
    await rows(page, failing ? 1 : 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says no output, no alert channel and no fleet where the service has none', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(new URL('/status', BASE).href);
    await page.waitForFunction(() => document.documentElement.dataset.reportedAt, null, WAIT);
    assert.equal(await page.isVisible('#outputs'), false);
    assert.match(await page.textContent('#outputs + .none'), /No output is configured/);
    assert.equal(await page.isVisible('#outputs + .none'), true);
    assert.equal(await page.isVisible('#channels + .none'), true);
    assert.equal(await page.isVisible('#fleet'), false, 'an instance alone has no fleet section');
    await page.close();
  });

  it('offers the admin actions only once a token is entered, and drops a refused one', async () => {
    const status = await (await fetch(new URL('/api/status', BASE))).json();
    const { id } = status.sources[0];
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL('/status', BASE).href);
    await rows(page, 1);
    assert.equal(await page.$$eval('#sources button[data-action]', (buttons) => buttons.length), 0, 'none without a token');
    assert.equal(await page.isVisible('#sources th.admin-column'), false);

    // From the keyboard: open the section, type a wrong token, Enter.
    await page.focus('#admin summary');
    await page.keyboard.press('Enter');
    await page.focus('#admin-token');
    await page.keyboard.type('not-the-token');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#sources button[data-action="refresh"][data-id="${id}"]`, WAIT);
    assert.equal(await page.isVisible('#sources th.admin-column'), true);
    await page.click(`#sources button[data-action="refresh"][data-id="${id}"]`);
    await page.waitForFunction(() => document.querySelector('#admin-result')?.textContent.includes('refused'), null, WAIT);
    assert.equal(await page.$$eval('#sources button[data-action]', (buttons) => buttons.length), 0, 'gone with the refused token');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'admin-token', 'asked for again');

    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.focus(`#sources button[data-action="refresh"][data-id="${id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#admin-result')?.textContent.startsWith('A refresh of'), null, WAIT);
    assert.equal(await page.getAttribute('#admin-result', 'data-ok'), 'true');

    // Forget asks first: dismissed, nothing is sent; accepted, the source is forgotten.
    let asked = 0;
    page.once('dialog', (dialog) => { asked += 1; dialog.dismiss(); });
    await page.click(`#sources button[data-action="forget"][data-id="${id}"]`);
    assert.equal(asked, 1);
    assert.match(await page.textContent('#admin-result'), /^A refresh of/, 'nothing sent when dismissed');
    page.once('dialog', (dialog) => dialog.accept());
    await page.click(`#sources button[data-action="forget"][data-id="${id}"]`);
    await page.waitForFunction(() => document.querySelector('#admin-result')?.textContent.includes('was forgotten'), null, WAIT);

    // Backfill: a CSV file chosen for the source goes to the admin API as text/csv.
    const chooser = page.waitForEvent('filechooser', WAIT);
    await page.click(`#sources button[data-action="backfill"][data-id="${id}"]`);
    await (await chooser).setFiles({
      name: 'followers.csv', mimeType: 'text/csv', buffer: Buffer.from('date,count\n2001-01-01,10\n2001-01-02,12\n'),
    });
    await page.waitForFunction(() => document.querySelector('#admin-result')?.textContent.includes('2 days read'), null, WAIT);
    assert.equal(await page.getAttribute('#admin-result', 'data-ok'), 'true');
    const kept = await (await fetch(new URL(`/api/metrics/${id}/history?step=day&from=2001-01-01&to=2001-01-02`, BASE))).json();
    assert.deepEqual(kept.points.map(({ count }) => count), [10, 12], 'the backfill reached the history');

    await page.click('#admin-forget-token');
    assert.equal(await page.$$eval('#sources button[data-action]', (buttons) => buttons.length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('follows the dark theme', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 600 }, colorScheme: 'dark' });
    await page.goto(new URL('/status', BASE).href);
    await rows(page, 1);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(11, 12, 16)');
    assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
    if (process.env.SCREENSHOT_DIR) {
      mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'status-dark.png') });
    }
    await page.close();
  });
});
