// A person connecting an account with `--authorize`, in Chromium: AuthorizeBrowserIT starts a real
// OAuth 2.0 server (Spring Authorization Server) and the authorize command, and passes the address the
// command printed. The person signs in on the server's own form, consents on its own page, and the
// browser follows the redirect to the command's loopback address, whose page says the outcome.
//
// Environment: SIGN_IN_URL (the printed address), SIGN_IN_USER, SIGN_IN_PASSWORD, SCREENSHOT_DIR.
// Without /usr/bin/chromium or the variables the test is skipped, except under CI=true, where it fails.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

/** The page as the person sees it, in SCREENSHOT_DIR when set. */
async function screenshot(page, name) {
  if (!env.SCREENSHOT_DIR) return;
  mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(env.SCREENSHOT_DIR, `${name}.png`) });
}

const env = process.env;
const missing = [
  !existsSync(CHROMIUM) && `${CHROMIUM}: install chromium (Debian package chromium)`,
  ...['SIGN_IN_URL', 'SIGN_IN_USER', 'SIGN_IN_PASSWORD'].filter((name) => !env[name]).map((name) => `env ${name}`),
].filter(Boolean);
const skip = missing.length > 0 && env.CI !== 'true' ? `browser test skipped, missing: ${missing.join('; ')}` : false;
if (skip) console.log(skip);

describe('--authorize in Chromium', { skip, timeout: 60_000 }, () => {
  let browser;

  before(async () => {
    assert.deepEqual(missing, [], `cannot run the browser test: ${missing.join('; ')}`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in, consents, and lands on the command\'s page saying the account is connected', async () => {
    const page = await browser.newPage();
    await page.goto(env.SIGN_IN_URL);

    // The server's sign-in form (it sent the browser there: nobody is signed in yet).
    await page.locator('input[name="username"]').fill(env.SIGN_IN_USER);
    await page.locator('input[name="password"]').fill(env.SIGN_IN_PASSWORD);
    await screenshot(page, 'authorize-1-sign-in');
    await page.locator('button[type="submit"]').click();

    // The consent page lists the scopes the command asked for: the person allows each one.
    await page.locator('#submit-consent').waitFor();
    const scopes = page.locator('input[type="checkbox"][name="scope"]');
    assert.ok(await scopes.count() > 0, 'the consent page lists scopes');
    for (const scope of await scopes.all()) {
      await scope.check();
    }
    await screenshot(page, 'authorize-2-consent');
    await page.locator('#submit-consent').click();

    // Redirected to the loopback address, whose page waits for the code exchange and tells the outcome.
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?code=/);
    const outcome = await page.locator('#outcome').textContent();
    await screenshot(page, 'authorize-3-connected');
    assert.match(outcome, /is connected\. You can close this tab\./);
    console.log(`outcome: ${outcome}`);
  });
});
