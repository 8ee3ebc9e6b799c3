// What both browser tests share: how Chromium is started, and how a test reads the ticker.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];
// Long enough for a refresh plus a poll of the ticker, several times over.
const WAIT_MS = 20_000;

/** Runs `read` on the page's <social-ticker> element and returns what it returns. */
export function ticker(page, read) {
  return page.locator('social-ticker').evaluate(read);
}

/** Waits until the ticker is in the given state (or one of them), with the given count. */
export async function waitForTicker(page, { state, total }, timeoutMs = WAIT_MS) {
  const states = [state].flat();
  try {
    // Runs in the page, which sees only what is passed in.
    await page.waitForFunction((want) => {
      const element = document.querySelector('social-ticker');
      return element && want.states.includes(element.dataset.state)
        && (want.total === undefined || element.dataset.total === String(want.total));
    }, { states, total }, { timeout: timeoutMs, polling: 100 });
  } catch (error) {
    const seen = await ticker(page, (t) => ({ ...t.dataset, badge: t.shadowRoot.querySelector('.badge-text').textContent }))
      .catch(() => 'no ticker');
    throw new Error(`ticker did not reach ${states.join('|')} ${total ?? ''} on ${page.url()}: saw ${JSON.stringify(seen)}`, { cause: error });
  }
}

/**
 * Waits until `condition` (async) holds, asking every 100 ms of real time. For pages on a fake clock
 * (Playwright's page.clock), where page.waitForFunction's own polling would wait on that clock.
 */
export async function waitUntil(condition, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until no digit is rolling, so a screenshot shows the number, not a blur. */
export function digitsAtRest(page) {
  return page.waitForFunction(() => document.querySelector('social-ticker').shadowRoot.getAnimations()
    .every((animation) => animation.transitionProperty !== 'transform'), null, { timeout: WAIT_MS });
}

/** target/screenshots/ticker-<name>.png when SCREENSHOT_DIR is set. */
export async function screenshot(page, name) {
  if (!process.env.SCREENSHOT_DIR) return;
  await digitsAtRest(page);
  mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `ticker-${name}.png`) });
}
