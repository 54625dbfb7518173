import { z } from 'zod';
import type { Config } from '../../platform/config';
import { formatDateIn, formatMessage, type Language } from '../../platform/i18n/messages';
import type { Db, Queryable, Tx } from '../../platform/database/database';
import { enqueue, registerJobHandler, registerRecurringJob } from '../../platform/jobs/queue';
import { CASE_STATUSES, caseDeadlines, listCasesInStatuses, registerTransitionListener, TERMINAL_STATUSES, type CaseStatus, type Deadline } from '../journey';
import { providersFromConfig, type Providers } from './notification.providers';
import './welfare.tables';

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'welfare.deliver_notification': { outboxId: string };
    'welfare.deadline_reminders': Record<string, never>;
  }
}

export interface Notification {
  readonly personId: string;
  /** What caused it, e.g. `case.confirm_arrival`; also part of the dedupe key. */
  readonly event: string;
  /** Catalog key of the message body, rendered in the worker's language. */
  readonly messageKey: string;
  readonly values?: Record<string, string | number>;
  /** The same key never sends twice, per channel. */
  readonly dedupeKey: string;
}

/** Retries with exponential back-off (2 s … about 17 min) before a message is given up. */
const DELIVERY_ATTEMPTS = 10;

async function recipientOf(trx: Queryable, personId: string): Promise<{ email: string | null; phone: string | null; locale: Language } | undefined> {
  const row = await trx
    .selectFrom('persons')
    .leftJoin('users', 'users.person_id', 'persons.id')
    .select(['persons.email', 'persons.phone', 'users.locale'])
    .where('persons.id', '=', personId)
    .executeTakeFirst();
  return row ? { email: row.email, phone: row.phone, locale: row.locale ?? 'tg' } : undefined;
}

/**
 * Write a message to the worker into the outbox, in the caller's transaction, with one delivery job per
 * channel. If the transaction rolls back, nothing is sent; if it commits, the message is delivered even after
 * a crash, and never twice for the same dedupe key.
 */
export async function notifyPerson(trx: Tx, notification: Notification): Promise<number> {
  const recipient = await recipientOf(trx, notification.personId);
  if (!recipient) return 0;
  const body = formatMessage(recipient.locale, notification.messageKey, notification.values ?? {});
  const subject = formatMessage(recipient.locale, 'notifications.subject', {});
  const channels = [
    ...(recipient.email ? [{ channel: 'email' as const, to: recipient.email }] : []),
    ...(recipient.phone ? [{ channel: 'sms' as const, to: recipient.phone }] : []),
  ];
  let written = 0;
  for (const { channel, to } of channels) {
    const row = await trx
      .insertInto('notification_outbox')
      .values({
        person_id: notification.personId,
        channel,
        recipient: to,
        locale: recipient.locale,
        event: notification.event,
        subject: channel === 'email' ? subject : null,
        body,
        dedupe_key: `${notification.dedupeKey}:${channel}`,
        last_error: null,
        provider_message_id: null,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) {
      await enqueue(trx, 'welfare.deliver_notification', { outboxId: row.id }, { maxAttempts: DELIVERY_ATTEMPTS });
      written += 1;
    }
  }
  return written;
}

/** Deliver one outbox message; a message already sent is left alone, so a re-run job sends nothing. */
export async function deliverNotification(db: Db, providers: Providers, outboxId: string): Promise<void> {
  // The row stays locked while the provider is called, so two workers never send the same message.
  const failure = await db.transaction().execute(async (trx) => {
    const message = await trx.selectFrom('notification_outbox').selectAll().where('id', '=', outboxId).forUpdate().skipLocked().executeTakeFirst();
    if (!message || message.status !== 'pending') return undefined;
    const provider = message.channel === 'email' ? providers.email : providers.sms;
    try {
      const { providerMessageId } = await provider.send({ reference: message.id, to: message.recipient, subject: message.subject, body: message.body });
      await trx
        .updateTable('notification_outbox')
        .set({ status: 'sent', sent_at: new Date(), provider_message_id: providerMessageId, attempts: message.attempts + 1, last_error: null })
        .where('id', '=', message.id)
        .execute();
      return undefined;
    } catch (error) {
      const e = error as { code?: string; responseCode?: number };
      const code = `${provider.name}: ${e.responseCode ?? e.code ?? 'send_failed'}`;
      await trx
        .updateTable('notification_outbox')
        .set({ attempts: message.attempts + 1, last_error: code })
        .where('id', '=', message.id)
        .execute();
      return code;
    }
  });
  // Thrown after the commit, so the attempt is recorded and the job retries with back-off.
  if (failure) throw new Error(`delivery failed: ${failure}`);
}

/** After the job's last retry, the message is marked failed so it shows in the outbox report. */
export async function markUndeliverable(db: Db, outboxId: string): Promise<void> {
  await db.updateTable('notification_outbox').set({ status: 'failed' }).where('id', '=', outboxId).where('status', '=', 'pending').execute();
}

/** Case transitions the worker hears about, each with its own message. */
registerTransitionListener('welfare.notify_worker', async (trx, _context, event) => {
  await notifyPerson(trx, {
    personId: event.personId,
    event: `case.${event.action}`,
    messageKey: `notifications.case.${event.action}`,
    dedupeKey: `case:${event.caseId}:${event.requestId}`,
  });
});

/** Every live status: deadlines come from the journey and from other modules' sources, in any of them. */
const WITH_DEADLINES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status));

export function reminderThreshold(deadline: Deadline): 'week' | 'day' | 'overdue' | undefined {
  if (deadline.daysLeft < 0) return deadline.daysLeft >= -3 ? 'overdue' : undefined;
  if (deadline.daysLeft <= 1) return 'day';
  if (deadline.daysLeft <= 7) return 'week';
  return undefined;
}

/** Walk the cases with deadlines and remind each worker once per deadline and threshold (a week, a day, missed). */
export async function sendDeadlineReminders(db: Db, pageSize = 500): Promise<number> {
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const page = await listCasesInStatuses(db, WITH_DEADLINES, after, pageSize);
    for (const kase of page) {
      for (const deadline of await caseDeadlines(db, kase)) {
        const threshold = reminderThreshold(deadline);
        if (!threshold) continue;
        sent += await db.transaction().execute(async (trx) => {
          const locale = (await recipientOf(trx, kase.personId))?.locale ?? 'tg';
          return notifyPerson(trx, {
            personId: kase.personId,
            event: `deadline.${deadline.kind}`,
            messageKey: `notifications.deadline.${threshold}`,
            values: {
              what: formatMessage(locale, `journey.deadline.${deadline.kind}`),
              date: formatDateIn(locale, deadline.dueOn),
              days: Math.abs(deadline.daysLeft),
            },
            dedupeKey: `deadline:${kase.id}:${deadline.kind}:${deadline.dueOn}:${threshold}`,
          });
        });
      }
    }
    if (page.length < pageSize) return sent;
    after = page[page.length - 1]?.id ?? null;
  }
}

/** Bind delivery to the configured providers; called once by the composition root. */
export function registerNotificationJobs(config: Config, providers: Providers = providersFromConfig(config)): void {
  registerJobHandler('welfare.deliver_notification', {
    payload: z.object({ outboxId: z.uuid() }),
    handle: async ({ outboxId }, { db, attempt }) => {
      try {
        await deliverNotification(db, providers, outboxId);
      } catch (error) {
        if (attempt >= DELIVERY_ATTEMPTS) await markUndeliverable(db, outboxId);
        throw error;
      }
    },
  });
  registerJobHandler('welfare.deadline_reminders', {
    payload: z.object({}),
    handle: async (_payload, { db }) => {
      await sendDeadlineReminders(db);
    },
  });
  registerRecurringJob('welfare.deadline_reminders', 3_600_000, {});
}

export async function listOwnNotifications(db: Queryable, personId: string) {
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['id', 'channel', 'event', 'body', 'status', 'created_at', 'sent_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    event: r.event,
    body: r.body,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  }));
}
