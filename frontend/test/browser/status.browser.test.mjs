// The status console (/status) in Debian's Chromium against the running service (TickerBrowserIT
// runs it last, on the same service and its one source): the table as /api/status says it, sorting
// and filtering with the keyboard, both themes, and no script error.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

const BASE = process.env.TICKER_BASE_URL;
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
