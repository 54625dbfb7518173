import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayIn } from '../../src/platform/calendar';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { launchBrowser, screenshot, SCREENSHOT_DIR, signInThroughForm, signOutThroughMenu } from '../support/browser';
import { startLiveServer, type LiveServer } from '../support/live-server';

let live: LiveServer;
let browser: Browser;

beforeAll(async () => {
  live = await startLiveServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

async function inTajik(page: Page) {
  await page.getByTestId('lang-tg').click();
}

describe('medical examination to verified certificate, in the browser', () => {
  test('book, examine, sign off, download the certificate, and verify it with the network off, in Tajik', async () => {
    const context = await browser.newContext({ locale: 'tg-TJ', timezoneId: 'Asia/Dushanbe', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The applicant books a day; the clinic is allocated.
    await signInThroughForm(page, live.baseUrl, 'madina@corridor.demo', DEMO_PASSWORD);
    await inTajik(page);
    await page.goto(`${live.baseUrl}/medical`);
    await expect.poll(() => page.getByTestId('medical-page').getAttribute('data-state')).toBe('not_booked');
    const firstOpen = await page.locator('[data-testid=booking-day] option:not([disabled]):not([value=""])').first().getAttribute('value');
    await page.getByTestId('booking-day').selectOption(firstOpen ?? '');
    await page.getByTestId('book').click();
    await expect.poll(() => page.getByTestId('medical-page').getAttribute('data-state')).toBe('booked');
    await expect.poll(() => page.getByTestId('appointment-clinic').textContent()).toMatch(/\S/);
    await screenshot(page, '10-applicant-booked-tg');
    await signOutThroughMenu(page);

    // The appointment day comes (the test moves it to today); the clinic's doctor enters the results.
    const madina = live.world.applicants.find((a) => a.email === 'madina@corridor.demo');
    const appointment = await live.db
      .selectFrom('medical_appointments as a')
      .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['a.id', 'o.id as orgId'])
      .where('a.case_id', '=', madina?.caseId ?? '')
      .where('a.status', '=', 'booked')
      .executeTakeFirstOrThrow();
    await live.db
      .updateTable('medical_appointments')
      .set({ day: todayIn('Asia/Dushanbe') })
      .where('id', '=', appointment.id)
      .execute();
    const staff = await live.db.selectFrom('users').select(['email', 'role']).where('organization_id', '=', appointment.orgId).execute();
    const doctor = staff.find((s) => s.role === 'clinic_staff')?.email ?? '';
    const head = staff.find((s) => s.role === 'clinic_head')?.email ?? '';

    await signInThroughForm(page, live.baseUrl, doctor, DEMO_PASSWORD);
    await inTajik(page);
    await page.goto(`${live.baseUrl}/clinic`);
    await page.getByTestId('day-list').getByText('Каримова Мадина Каримовна').click();
    for (const test of ['tuberculosis', 'hiv', 'syphilis', 'leprosy', 'covid19', 'drugs'])
      await page.getByTestId(`test-${test}`).locator('input[value=negative]').check();
    await page.getByTestId('save-results').click();
    await expect.poll(() => page.getByTestId('exam-page').getAttribute('data-exam-status')).toBe('in_progress');
    await screenshot(page, '11-doctor-results-tg');
    await signOutThroughMenu(page);

    // The head physician signs off: the certificate is issued.
    await signInThroughForm(page, live.baseUrl, head, DEMO_PASSWORD);
    await inTajik(page);
    await page.goto(`${live.baseUrl}/clinic/appointments/${appointment.id}`);
    await page.getByTestId('sign-off').click();
    await expect.poll(() => page.getByTestId('exam-page').getAttribute('data-exam-status')).toBe('cleared');
    await signOutThroughMenu(page);

    // The applicant sees the certificate, with its QR code, and downloads the PDF.
    await signInThroughForm(page, live.baseUrl, 'madina@corridor.demo', DEMO_PASSWORD);
    await inTajik(page);
    await page.goto(`${live.baseUrl}/medical`);
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-certificate-status')).toBe('valid');
    await expect.poll(() => page.getByTestId('certificate-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await screenshot(page, '12-applicant-certificate-tg');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, '12b-applicant-certificate-phone-tg');
    await page.setViewportSize({ width: 1280, height: 900 });
    const code = await page.getByTestId('certificate-code').inputValue();
    expect(code.startsWith('HC1:')).toBe(true);
    const qrUrl = await page.getByTestId('certificate-qr').getAttribute('src');
    const qr = await page.request.get(`${live.baseUrl}${qrUrl}`);
    const qrFile = `${SCREENSHOT_DIR}/certificate-qr.png`;
    writeFileSync(qrFile, await qr.body());
    const pdf = await page.request.get(`${live.baseUrl}${await page.getByTestId('certificate-pdf').getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    writeFileSync(`${SCREENSHOT_DIR}/certificate.pdf`, await pdf.body());

    // Anyone opens the verifier once online; it caches the signed lists and the page.
    const verifier = await browser.newContext({ locale: 'tg-TJ', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const v = await verifier.newPage();
    await v.goto(`${live.baseUrl}/verify`);
    await inTajik(v);
    await expect.poll(() => v.getByTestId('trust-status').getAttribute('data-trust-sequence')).not.toBe('0');
    await v.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await v.reload();
    await expect.poll(() => v.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // The network goes away: the page still loads, and verification still works.
    await verifier.setOffline(true);
    await v.reload();
    await v.getByTestId('verifier-page').waitFor();
    await expect.poll(() => v.getByTestId('trust-status').getAttribute('data-trust-sequence')).not.toBe('0');
    await v.getByTestId('verifier-code').fill(code);
    await v.getByTestId('verifier-submit').click();
    await expect.poll(() => v.getByTestId('verifier-result').getAttribute('data-status')).toBe('valid');
    await expect.poll(() => v.getByTestId('verifier-result').textContent()).toContain('Эътибор дорад');
    await expect.poll(() => v.getByTestId('verifier-result').textContent()).toContain('Каримова Мадина Каримовна');
    await screenshot(v, '13-verifier-offline-valid-tg');

    // A photo of the QR code works the same, and a tampered code is refused with its reason.
    await v.getByTestId('verifier-code').fill('');
    await v.getByTestId('verifier-upload').setInputFiles(qrFile);
    await expect.poll(() => v.getByTestId('verifier-code').inputValue()).toBe(code);
    await expect.poll(() => v.getByTestId('verifier-result').getAttribute('data-status')).toBe('valid');
    const tampered = code.slice(0, 60) + (code[60] === 'A' ? 'B' : 'A') + code.slice(61);
    await v.getByTestId('verifier-code').fill(tampered);
    await v.getByTestId('verifier-submit').click();
    await expect.poll(() => v.getByTestId('verifier-result').getAttribute('data-status')).not.toBe('valid');
    await screenshot(v, '14-verifier-offline-tampered-tg');
    const overflow = await v.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await verifier.close();
    await context.close();
  }, 180_000);

  test('the health authority sees per-clinic pass rates; the clinic that passes everyone stands out', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, live.baseUrl, 'health@corridor.demo', DEMO_PASSWORD);
    await page.getByTestId('lang-ru').click();
    await page.goto(`${live.baseUrl}/clinics`);
    await page.getByTestId('pass-rate-chart').waitFor();
    const shifo = await live.db.selectFrom('clinics').select('id').where('name', 'like', 'Shifo%').executeTakeFirstOrThrow();
    await expect.poll(() => page.getByTestId(`chart-${shifo.id}`).getAttribute('data-outlier')).toBe('true');
    await screenshot(page, '15-health-authority-ru');
    await context.close();
  }, 60_000);
});
