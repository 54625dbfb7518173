import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { liveBrowser, screenshot, SCREENSHOT_DIR, signInThroughForm, signOutThroughMenu } from '../support/browser';
import { TEST_PASSWORD } from '../support/factories';
import { createPoolCandidate } from '../support/recruitment-factories';

const env = liveBrowser();

async function go(page: Page, path: string): Promise<void> {
  await page.goto(`${env.live.baseUrl}${path}`);
}

describe('organized recruitment in the browser', () => {
  test('an employer posts a request, the agencies approve and match, the employer selects, the worker accepts in Tajik and both sign', async () => {
    const worker = await createPoolCandidate(env.live.db, env.live.world.rounds.current, {
      occupation: '7212',
      experienceYears: 7,
      preferredRegions: ['RU-SVE'],
    });
    const context = await env.browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();

    // The employer posts a request for two welders in Sverdlovsk region.
    await signInThroughForm(page, env.live.baseUrl, 'hr@uralstroy.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await go(page, '/employer/requests');
    await expect.poll(() => page.getByTestId('employer-status').getAttribute('data-status')).toBe('verified');
    await page.getByTestId('new-request').click();
    const form = page.getByTestId('request-form');
    await form.locator('select[name=occupation]').selectOption('7212');
    await form.locator('input[name=seats]').fill('2');
    await form.locator('input[name=wageRub]').fill('20000');
    await form.getByTestId('submit-request').click();
    await expect.poll(() => form.locator('.problem').textContent()).toContain('ниже минимального');
    await screenshot(page, 'recruitment-01-employer-wage-refused-ru');
    await form.locator('input[name=wageRub]').fill('82000');
    await form.locator('textarea[name=duties]').fill('Welding of steel structures');
    await form.getByTestId('submit-request').click();
    await page.getByTestId('employer-requests').waitFor();
    await expect.poll(() => page.getByTestId('employer-requests').textContent()).toContain('На согласовании');
    await screenshot(page, 'recruitment-02-employer-requests-ru');
    await signOutThroughMenu(page);

    // The destination agency approves it; the quota chart shows the usage.
    await signInThroughForm(page, env.live.baseUrl, 'labour@corridor.demo', DEMO_PASSWORD);
    await go(page, '/quotas');
    await page.getByTestId('quota-form').locator('input[name=occupation]').fill('7212');
    await page.getByTestId('quota-form').locator('input[name=total]').fill('10');
    await page.getByTestId('quota-form').locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('quota-bar').count()).toBeGreaterThan(4);
    await go(page, '/agency/requests');
    const pending = page.getByTestId('submitted-request').filter({ hasText: 'Welding of steel structures' });
    await pending.getByTestId('approve-request').click();
    await expect.poll(() => page.getByTestId('submitted-request').filter({ hasText: 'Welding of steel structures' }).count()).toBe(0);
    await go(page, '/quotas');
    await page.getByTestId('quota-chart').waitFor();
    await screenshot(page, 'recruitment-03-agency-quotas-ru');
    await signOutThroughMenu(page);

    // The origin agency runs the matching and publishes the shortlists.
    await signInThroughForm(page, env.live.baseUrl, 'agency@corridor.demo', DEMO_PASSWORD);
    await go(page, '/recruitment/runs');
    await page.getByTestId('start-run').click();
    const newest = page.getByTestId('run').first();
    await expect.poll(() => newest.getAttribute('data-run-status'), { timeout: 20_000 }).toBe('done');
    await newest.getByTestId('publish-run').click();
    await expect.poll(() => newest.getAttribute('data-published')).toBe('yes');
    await screenshot(page, 'recruitment-04-agency-runs-ru');
    await signOutThroughMenu(page);

    // The employer chooses the welder from the shortlist.
    await signInThroughForm(page, env.live.baseUrl, 'hr@uralstroy.demo', DEMO_PASSWORD);
    await go(page, '/employer/requests');
    await page
      .getByTestId('employer-requests')
      .getByRole('link', { name: /Welders|Сварщики/ })
      .click();
    const entry = page.getByTestId('shortlist-entry').first();
    await entry.waitFor();
    await screenshot(page, 'recruitment-05-employer-shortlist-ru');
    await entry.getByTestId('select-candidate').click();
    await expect.poll(() => page.getByTestId('employer-offer').first().getByTestId('offer-status').getAttribute('data-status')).toBe('selected');
    await signOutThroughMenu(page);

    // The origin agency sends the offer.
    await signInThroughForm(page, env.live.baseUrl, 'agency@corridor.demo', DEMO_PASSWORD);
    await go(page, '/recruitment/offers');
    await page.getByTestId('agency-offers').waitFor();
    await expect.poll(() => page.getByTestId('send-offer').count()).toBeGreaterThan(0);
    const waiting = await page.getByTestId('send-offer').count();
    await page.getByTestId('send-offer').first().click();
    await expect.poll(() => page.getByTestId('send-offer').count()).toBe(waiting - 1);
    await signOutThroughMenu(page);

    // The worker reads the offer in Tajik, accepts and signs.
    await signInThroughForm(page, env.live.baseUrl, worker.email, TEST_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await go(page, '/my-offers');
    const offer = page.getByTestId('my-offer').first();
    await expect.poll(() => offer.textContent()).toContain('дар як моҳ пеш аз андоз');
    await screenshot(page, 'recruitment-06-worker-offer-tg');
    await offer.getByTestId('accept-offer').click();
    await expect.poll(() => offer.getAttribute('data-offer-status')).toBe('accepted');
    await offer.getByTestId('sign-contract').click();
    await expect.poll(() => offer.getByTestId('signature-worker').getAttribute('data-signed')).toBe('yes');
    await screenshot(page, 'recruitment-07-worker-signed-tg');
    await signOutThroughMenu(page);

    // The employer signs; the contract is binding and its PDF downloads with the recorded hash.
    await signInThroughForm(page, env.live.baseUrl, 'hr@uralstroy.demo', DEMO_PASSWORD);
    await go(page, '/employer/contracts');
    const mine = page
      .getByTestId('employer-offer')
      .filter({ has: page.getByTestId('sign-contract') })
      .first();
    await mine.getByTestId('sign-contract').click();
    await expect.poll(() => page.getByTestId('contract').first().getAttribute('data-contract-status')).toBe('signed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contract-pdf').first().click()]);
    const path = `${SCREENSHOT_DIR}/recruitment-contract.pdf`;
    await download.saveAs(path);
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    await screenshot(page, 'recruitment-08-employer-contract-signed-ru');
    const contract = await env.live.db.selectFrom('contracts').select(['sha256', 'status']).where('case_id', '=', worker.caseId).executeTakeFirstOrThrow();
    expect(contract).toEqual({ sha256, status: 'signed' });
    const kase = await env.live.db.selectFrom('cases').select('status').where('id', '=', worker.caseId).executeTakeFirstOrThrow();
    expect(kase.status).toBe('contracted');

    // The contract's seal: its QR verifies on the public verifier, and the downloaded PDF matches it; a changed one does not.
    const sealed = await env.live.db.selectFrom('contracts').select(['id', 'sha256']).where('case_id', '=', worker.caseId).executeTakeFirstOrThrow();
    const qr = await page.request.get(`${env.live.baseUrl}/api/contracts/${sealed.id}/seal.png`);
    expect(qr.status()).toBe(200);
    const qrPath = `${SCREENSHOT_DIR}/recruitment-contract-seal.png`;
    writeFileSync(qrPath, await qr.body());
    await go(page, '/verify');
    await page.getByTestId('verifier-upload').setInputFiles(qrPath);
    await expect.poll(() => page.getByTestId('verifier-result').getAttribute('data-status')).toBe('valid');
    await expect.poll(() => page.getByTestId('verifier-result').getAttribute('data-type')).toBe('employment_contract');
    await page.getByTestId('compare-contract').setInputFiles(path);
    await expect.poll(() => page.getByTestId('compare-outcome').getAttribute('data-outcome')).toBe('same');
    await screenshot(page, 'recruitment-10-seal-verified-ru');
    const changedPath = `${SCREENSHOT_DIR}/recruitment-contract-changed.pdf`;
    writeFileSync(changedPath, Buffer.concat([readFileSync(path), Buffer.from('\n% changed\n')]));
    await page.getByTestId('compare-contract').setInputFiles(changedPath);
    await expect.poll(() => page.getByTestId('compare-outcome').getAttribute('data-outcome')).toBe('different');
    expect(sealed.sha256).toBe(sha256);
    await context.close();
  }, 240_000);

  test('the offer page works on a phone, in Tajik', async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInThroughForm(page, env.live.baseUrl, 'alisher@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-tg').click();
    await go(page, '/my-offers');
    await page.getByTestId('my-offer').first().waitFor();
    await screenshot(page, 'recruitment-09-phone-offer-tg');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
