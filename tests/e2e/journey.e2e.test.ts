import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { liveBrowser, screenshot, signInThroughForm, signOutThroughMenu } from '../support/browser';

const env = liveBrowser();

describe('the journey in the browser', () => {
  test('an applicant and an agency officer move a case through two transitions, in Tajik and Russian', async () => {
    const context = await env.browser.newContext({ locale: 'tg-TJ', timezoneId: 'Europe/Moscow', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The applicant signs in; the interface is in Tajik.
    await signInThroughForm(page, env.live.baseUrl, 'jamshed@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Роҳи ман ба кор дар Русия');
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-case-status')).toBe('contracted');
    await screenshot(page, '01-applicant-contracted-tg');

    // He switches to Russian and back.
    await page.getByTestId('lang-ru').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Мой путь к работе в России');
    await expect.poll(() => page.getByTestId('next-step').locator('h2').textContent()).toBe('Ваш следующий шаг');
    await screenshot(page, '02-applicant-contracted-ru');
    await signOutThroughMenu(page);

    // The agency officer records the departure from the case list.
    await signInThroughForm(page, env.live.baseUrl, 'agency@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await page.goto(`${env.live.baseUrl}/cases?status=contracted`);
    await page.getByTestId('case-list').getByText('Рахмонов Джамшед Саидович').click();
    await page.getByTestId('action-depart').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-case-status')).toBe('departed');
    await screenshot(page, '03-agency-departed-ru');
    await signOutThroughMenu(page);

    // Back in Tajik, the worker confirms his arrival and sees his deadlines.
    await signInThroughForm(page, env.live.baseUrl, 'jamshed@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await page.getByTestId('action-confirm_arrival').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-case-status')).toBe('arrived');
    await expect.poll(() => page.getByTestId('deadlines').textContent()).toContain('Қайди муҳоҷиратӣ');
    await expect.poll(() => page.getByTestId('deadlines').textContent()).toContain('15 рӯз монд');
    await screenshot(page, '04-worker-arrived-tg');

    const jamshed = env.live.world.applicants.find((a) => a.email === 'jamshed@corridor.demo');
    const actions = await env.live.db
      .selectFrom('case_actions')
      .select(['action', 'actor_role'])
      .where('case_id', '=', jamshed?.caseId ?? '')
      .where('request_id', 'not like', 'import:%')
      .orderBy('created_at')
      .execute();
    expect(actions).toEqual([
      { action: 'depart', actor_role: 'origin_agency' },
      { action: 'confirm_arrival', actor_role: 'applicant' },
    ]);
    await context.close();
  });

  test('the case page works on a phone', async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInThroughForm(page, env.live.baseUrl, 'firdavs@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await page.getByTestId('next-step').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '05-worker-phone-tg');
    await context.close();
  });
});
