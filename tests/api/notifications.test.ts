import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathToStatus, transitionCase } from '../../src/modules/journey';
import { inTransaction } from '../../src/platform/database/database';
import { drainJobs } from '../../src/platform/jobs/queue';
import { sendDeadlineReminders } from '../../src/modules/welfare';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';
import { startSmtpServer } from '../support/smtp';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let roundId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Corridor <no-reply@corridor.test>' }, smsOutboxDir: `/tmp/corridor-sms-${process.pid}` });
  roundId = await createCorridorAndRound(t.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function withContact(personId: string, email: string, phone: string, locale: 'tg' | 'ru' | 'en') {
  await t.db.updateTable('persons').set({ email, phone }).where('id', '=', personId).execute();
  await t.db.updateTable('users').set({ locale }).where('person_id', '=', personId).execute();
}

describe('notifications on case transitions', () => {
  test("are written in the transaction of the change, in the worker's language, and delivered once by e-mail and SMS", async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    await withContact(applicant.personId ?? '', 'worker1@mail.tj', '+992900000001', 'tg');
    const officer = await createOfficial(t.db, 'origin_agency');
    const session = await signInAs(t.server, officer.email, TEST_PASSWORD);
    expect((await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'depart', requestId: 'notify-depart-1' })).status).toBe(
      200,
    );
    const outbox = await t.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('person_id', '=', applicant.personId ?? '')
      .execute();
    expect(outbox.map((o) => [o.channel, o.locale, o.status]).sort()).toEqual([
      ['email', 'tg', 'pending'],
      ['sms', 'tg', 'pending'],
    ]);
    expect(outbox[0]?.body).toContain('Роҳи сафед');
    await drainJobs(t.db);
    await drainJobs(t.db);
    const sent = await t.db
      .selectFrom('notification_outbox')
      .select(['status', 'channel', 'id'])
      .where('person_id', '=', applicant.personId ?? '')
      .execute();
    expect(sent.every((s) => s.status === 'sent')).toBe(true);
    const emailId = sent.find((s) => s.channel === 'email')?.id;
    expect(smtp.received.filter((m) => m.messageId === `<${emailId}@corridor>`)).toHaveLength(1);
    expect(smtp.received.find((m) => m.messageId === `<${emailId}@corridor>`)?.to).toEqual(['worker1@mail.tj']);
  });

  test('a rolled-back change sends nothing', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    await withContact(applicant.personId ?? '', 'worker2@mail.tj', '+992900000002', 'ru');
    await inTransaction(t.db, async (trx) => {
      await transitionCase(
        trx,
        { actor: { system: 'test' }, requestId: 'rollback-1' },
        { caseId: applicant.caseId, action: 'withdraw', requestId: 'rollback-1' },
        'module',
      ).catch(() => undefined);
      throw new Error('rollback');
    }).catch(() => undefined);
    const outbox = await t.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('person_id', '=', applicant.personId ?? '')
      .execute();
    expect(outbox).toEqual([]);
  });

  test('retries with back-off when the mail server refuses, then delivers exactly once', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('departed'));
    await withContact(applicant.personId ?? '', 'worker3@mail.tj', '+992900000003', 'ru');
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'confirm_arrival', requestId: 'notify-arrival-3' });
    smtp.failNext(1);
    await drainJobs(t.db);
    const email = await t.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('person_id', '=', applicant.personId ?? '')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(email).toMatchObject({ status: 'pending', attempts: 1, last_error: 'smtp: 451' });
    expect(email.body).toContain('Добро пожаловать в Россию');
    await t.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('status', '=', 'queued')
      .execute();
    await drainJobs(t.db);
    const after = await t.db.selectFrom('notification_outbox').select(['status', 'attempts']).where('id', '=', email.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'sent', attempts: 2 });
    expect(smtp.received.filter((m) => m.messageId === `<${email.id}@corridor>`)).toHaveLength(1);
  });
});

describe('deadline reminders', () => {
  test('remind once per deadline and threshold', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('arrived'));
    await withContact(applicant.personId ?? '', 'worker4@mail.tj', '+992900000004', 'en');
    // Arrived 10 days ago: registration is due in 5 days, the patent application in 20.
    const arrived = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await t.db.updateTable('cases').set({ arrived_on: arrived }).where('id', '=', applicant.caseId).execute();
    await sendDeadlineReminders(t.db);
    await sendDeadlineReminders(t.db);
    const rows = await t.db
      .selectFrom('notification_outbox')
      .select(['event', 'channel', 'body'])
      .where('person_id', '=', applicant.personId ?? '')
      .orderBy('channel')
      .execute();
    expect(rows.map((r) => [r.event, r.channel])).toEqual([
      ['deadline.migration_registration', 'email'],
      ['deadline.migration_registration', 'sms'],
    ]);
    expect(rows[0]?.body).toMatch(/^Reminder: Migration registration is due on \d+ \w+ \d{4} \((4|5|6) days left\)\.$/);
  });
});
