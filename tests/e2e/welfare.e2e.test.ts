import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { liveBrowser, screenshot, signInThroughForm, signOutThroughMenu } from '../support/browser';

const env = liveBrowser();

describe('a worker in Russia and the Tajik office in Moscow', () => {
  test('the worker sees his deadlines in Tajik, files a grievance; the office acknowledges and answers; the worker reads the answer', async () => {
    const context = await env.browser.newContext({
      locale: 'tg-TJ',
      timezoneId: 'Europe/Moscow',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();

    await signInThroughForm(page, env.live.baseUrl, 'firdavs@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await expect.poll(() => page.getByTestId('deadlines').textContent()).toContain('Қайди муҳоҷиратӣ');
    await expect.poll(() => page.getByTestId('deadlines').textContent()).toMatch(/\d+ рӯз монд/);
    await screenshot(page, '10-worker-deadlines-tg');

    await page.goto(`${env.live.baseUrl}/grievances`);
    await page.getByTestId('grievance-category').selectOption('wages_unpaid');
    await page.getByTestId('grievance-message').fill('Корфармо маоши моҳи ноябрро пардохт накардааст.');
    await page.getByTestId('file-grievance').click();
    await expect.poll(() => page.getByTestId('grievance-status').textContent()).toBe('Дар интизори намояндагӣ');
    const grievanceUrl = page.url();
    await screenshot(page, '11-worker-grievance-filed-tg');
    await signOutThroughMenu(page);

    const office = await env.browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1280, height: 900 } });
    const officePage = await office.newPage();
    await signInThroughForm(officePage, env.live.baseUrl, 'moscow@corridor.demo', DEMO_PASSWORD);
    await officePage.getByTestId('lang-ru').click();
    await officePage.goto(`${env.live.baseUrl}/grievances`);
    await expect.poll(() => officePage.getByTestId('grievance-list').textContent()).toContain('Невыплата зарплаты');
    const row = officePage.getByTestId('grievance-list').locator('li', { hasText: 'Джалолов Фирдавс' });
    await expect.poll(() => row.getByTestId('sla-clock').textContent()).toContain('до подтверждения');
    await expect.poll(() => officePage.getByTestId('sla-clock').first().textContent()).toContain('просрочено');
    await screenshot(officePage, '12-office-queue-ru');
    await row.getByText('Невыплата зарплаты').click();
    await officePage.getByTestId('grievance-action-acknowledge').click();
    await expect.poll(() => officePage.getByTestId('grievance-status').textContent()).toBe('В работе');
    await officePage.getByTestId('reply-body').fill('Мы связались с инспекцией труда. Позвоним вам завтра до 12:00.');
    await officePage.getByTestId('send-reply').click();
    await expect.poll(() => officePage.getByTestId('grievance').textContent()).toContain('Позвоним вам завтра');
    await screenshot(officePage, '13-office-answered-ru');
    await office.close();

    await signInThroughForm(page, env.live.baseUrl, 'firdavs@corridor.demo', DEMO_PASSWORD);
    await page.goto(grievanceUrl);
    await expect.poll(() => page.getByTestId('grievance').textContent()).toContain('Позвоним вам завтра до 12:00');
    await expect.poll(() => page.getByTestId('grievance-status').textContent()).toBe('Дар баррасӣ');
    await screenshot(page, '14-worker-reads-answer-tg');
    await context.close();
  });
});
