import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLiveServer, type LiveServer } from './live-server';

export const SCREENSHOT_DIR = 'test-output/e2e';

/** Debian's Chromium, headless, with everything that would reach the network at start turned off. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Sign in through the form, the way a person does. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-name').waitFor();
}

export async function signOutThroughMenu(page: Page): Promise<void> {
  const toggle = page.locator('.menu-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.locator('.topbar .link').click();
  await page.locator('input[name=email]').waitFor();
}

/** A live server on a demo database and a browser for one test file: started before its tests, closed after them. */
export function liveBrowser(): { live: LiveServer; browser: Browser } {
  const env = {} as { live: LiveServer; browser: Browser };
  beforeAll(async () => {
    env.live = await startLiveServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.live?.close();
  });
  return env;
}
