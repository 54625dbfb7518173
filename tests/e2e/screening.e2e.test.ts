import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { drainJobs } from '../../src/platform/jobs/queue';
import { launchBrowser, screenshot, signInThroughForm, signOutThroughMenu } from '../support/browser';
import { startLiveServer, type LiveServer } from '../support/live-server';

let live: LiveServer;
let browser: Browser;

beforeAll(async () => {
  live = await startLiveServer();
  await drainJobs(live.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('screening in the browser', () => {
  test('an MVD officer reviews a match and clears it; the applicant sees the new state in Russian and Tajik', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Dushanbe', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The applicant first: his screening is on hold, and his page says only that.
    await signInThroughForm(page, live.baseUrl, 'davlat@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-case-status')).toBe('screening_hold');
    expect(await page.locator('body').textContent()).not.toMatch(/MVD-|KOMRON DAVLATOV/);
    await screenshot(page, '10-applicant-screening-hold-ru');
    await signOutThroughMenu(page);

    // The officer opens the queue, the match, and clears it with a reason.
    await signInThroughForm(page, live.baseUrl, 'mvd@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await page.goto(`${live.baseUrl}/screening`);
    await page.getByTestId('review-queue').getByText('Давлатов Комрон Рахимович').click();
    await expect.poll(() => page.getByTestId('entry-name').textContent()).toBe('KOMRON DAVLATOV');
    await expect.poll(() => page.getByTestId('reasons').textContent()).toContain('год рождения совпадает');
    await screenshot(page, '11-officer-review-ru');
    await page.locator('textarea[name=reason]').fill('Однофамилец: отчество и дата рождения другие');
    await page.getByTestId('clear-match').click();
    await expect.poll(() => page.getByTestId('review').getAttribute('data-status')).toBe('cleared');
    await screenshot(page, '12-officer-cleared-ru');
    await signOutThroughMenu(page);

    // The applicant sees the new state, in Russian and in Tajik.
    await signInThroughForm(page, live.baseUrl, 'davlat@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-case-status')).toBe('screened_clear');
    await expect.poll(() => page.locator('.case-header .badge').textContent()).toBe('Проверка пройдена');
    await screenshot(page, '13-applicant-cleared-ru');
    await page.getByTestId('lang-tg').click();
    await expect.poll(() => page.locator('.case-header .badge').textContent()).toBe('Санҷиш гузашт');
    await screenshot(page, '14-applicant-cleared-tg');
    await context.close();
  });

  test('sign-up and the review page work on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${live.baseUrl}/register`);
    await page.getByTestId('lang-tg').click();
    await page.getByTestId('register-form').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, '15-register-phone-tg');
    await signInThroughForm(page, live.baseUrl, 'mvd@corridor.demo', DEMO_PASSWORD);
    await page.goto(`${live.baseUrl}/screening`);
    await page.getByTestId('review-link').first().click();
    await page.getByTestId('review').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, '16-review-phone');
    await context.close();
  });
});
