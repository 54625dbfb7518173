import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { liveBrowser, screenshot, signInThroughForm } from '../support/browser';

const env = liveBrowser();

const ORIGIN_AGENCY = [
  '/',
  '/cases',
  '/grievances',
  '/travel-groups',
  '/transfers',
  '/quotas',
  '/recruitment/pool',
  '/recruitment/runs',
  '/recruitment/offers',
  '/people/duplicates',
  '/verify',
];
const DESTINATION_AGENCY = ['/', '/cases', '/transfers', '/grievances/statistics', '/agency/employers', '/agency/requests', '/quotas', '/verify'];

const hrefs = (page: Page, selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('navigation in the header', () => {
  test('on a wide screen the entries stay on one row, the rest go under More, and Escape closes it onto its button', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughForm(page, env.live.baseUrl, 'agency@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    const bar = '.topbar-nav > .nav-bar > li > a';
    const more = page.locator('button.nav-more-toggle');
    await more.waitFor();

    const shown = await hrefs(page, bar);
    const underMore = await hrefs(page, '.nav-more-panel a');
    expect([...shown, ...underMore].sort()).toEqual([...ORIGIN_AGENCY].sort());
    const tops = await page.locator(bar).evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);

    await more.click();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'nav-more-open-tg');
    await page.keyboard.press('Escape');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(page)).toContain('nav-more-toggle');

    // A page under More: the button shows that the current page is there, and the link says it is the current one.
    await more.click();
    const target = underMore[0] as string;
    await page.locator(`.nav-more-panel a[href="${target}"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => more.getAttribute('class')).toContain('active');
    await expect.poll(() => page.locator(`.nav-more-panel a[href="${target}"]`).getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  test('on a phone the menu button opens a drawer with every entry; Escape closes it and the focus returns', async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInThroughForm(page, env.live.baseUrl, 'labour@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    const toggle = page.locator('.menu-toggle');
    const drawer = page.locator('dialog.nav-drawer');
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);

    await toggle.click();
    await expect.poll(() => drawer.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await hrefs(page, '.nav-drawer nav a')).sort()).toEqual([...DESTINATION_AGENCY].sort());
    await expect.poll(() => page.locator('.nav-drawer nav a[aria-current=page]').getAttribute('href')).toBe('/');
    await screenshot(page, 'nav-drawer-phone-ru');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(page)).toContain('menu-toggle');

    await toggle.click();
    await page.locator('.nav-drawer nav a[href="/quotas"]').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/quotas');
    await expect.poll(() => drawer.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await context.close();
  });
});
