import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { addDays, addMonths, todayIn } from '../../platform/calendar';
import { inTransaction, isUniqueViolation, type Db, type Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { makeDeadline } from './case.deadlines';
import { registerDeadlineSource } from './case.extensions';
import { findCaseForUpdate, findVisibleCase } from './case.repository';
import { transitionCase } from './case.service';
import './after-contract.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'case.patent_recorded': { patentId: string };
    'case.patent_paid': { paymentId: string; months: number };
  }
}

const RequestId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export const PatentPayment = z.object({
  months: z.number().int().min(1).max(12),
  amountRub: z.number().positive().max(1_000_000),
  paidOn: z.iso.date(),
  requestId: RequestId,
});
export type PatentPayment = z.infer<typeof PatentPayment>;

export const NewPatent = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[0-9 ]{6,20}$/, 'digits and spaces, as printed'),
  region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'ISO 3166-2 region code, e.g. RU-SVE'),
  issuedOn: z.iso.date(),
  firstPayment: PatentPayment.omit({ requestId: true }),
  requestId: RequestId,
});
export type NewPatent = z.infer<typeof NewPatent>;

/** The patent is valid for the months paid, counted from its issue date. */
export function paidThrough(issuedOn: string, totalMonths: number): string {
  return addDays(addMonths(issuedOn, totalMonths), -1);
}

function notInFuture(date: string, today: string, path: string): void {
  if (date > today) throw new DomainError('patent.invalid', { fields: [{ path, code: 'in_future', message: 'the date cannot be in the future' }] });
}

/** Record the patent with its first payment; the case moves to `permitted` in the same transaction. */
export async function recordPatent(db: Db, principal: Principal, context: ActionContext, caseId: string, input: NewPatent): Promise<void> {
  await inTransaction(db, async (trx) => {
    const kase = await findCaseForUpdate(trx, caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const previous = await trx.selectFrom('patents').select(['case_id']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.case_id !== caseId) throw new DomainError('case.request_conflict');
      return;
    }
    const today = todayIn(kase.destinationTimezone);
    notInFuture(input.issuedOn, today, 'issuedOn');
    notInFuture(input.firstPayment.paidOn, today, 'firstPayment.paidOn');
    if (kase.arrivedOn && input.issuedOn < kase.arrivedOn)
      throw new DomainError('patent.invalid', {
        fields: [{ path: 'issuedOn', code: 'before_arrival', message: 'the patent cannot be issued before arrival' }],
      });
    const patent = await trx
      .insertInto('patents')
      .values({
        case_id: caseId,
        number: input.number.replace(/\s+/g, ' '),
        region: input.region,
        issued_on: input.issuedOn,
        recorded_by: principal.userId,
        request_id: input.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError('patent.conflict', { detail: 'the case already has a patent' });
        throw error;
      });
    const payment = await trx
      .insertInto('patent_payments')
      .values({
        case_id: caseId,
        months: input.firstPayment.months,
        amount_rub: input.firstPayment.amountRub,
        paid_on: input.firstPayment.paidOn,
        recorded_by: principal.userId,
        request_id: `${input.requestId}:first`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, context, { type: 'case.patent_recorded', entityType: 'case', entityId: caseId, data: { patentId: patent.id } });
    await audit(trx, context, {
      type: 'case.patent_paid',
      entityType: 'case',
      entityId: caseId,
      data: { paymentId: payment.id, months: input.firstPayment.months },
    });
    await transitionCase(trx, context, { caseId, action: 'record_patent', requestId: input.requestId }, 'module');
  });
}

export async function recordPatentPayment(db: Db, principal: Principal, context: ActionContext, caseId: string, input: PatentPayment): Promise<void> {
  await inTransaction(db, async (trx) => {
    const kase = await findCaseForUpdate(trx, caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const previous = await trx.selectFrom('patent_payments').select('case_id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.case_id !== caseId) throw new DomainError('case.request_conflict');
      return;
    }
    if (kase.status !== 'permitted' && kase.status !== 'employed')
      throw new DomainError('patent.conflict', { detail: `no patent payments in status ${kase.status}` });
    notInFuture(input.paidOn, todayIn(kase.destinationTimezone), 'paidOn');
    const payment = await trx
      .insertInto('patent_payments')
      .values({
        case_id: caseId,
        months: input.months,
        amount_rub: input.amountRub,
        paid_on: input.paidOn,
        recorded_by: principal.userId,
        request_id: input.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, context, { type: 'case.patent_paid', entityType: 'case', entityId: caseId, data: { paymentId: payment.id, months: input.months } });
  });
}

async function loadPatent(db: Queryable, caseId: string) {
  const patent = await db.selectFrom('patents').select(['number', 'region', 'issued_on']).where('case_id', '=', caseId).executeTakeFirst();
  if (!patent) return undefined;
  const payments = await db
    .selectFrom('patent_payments')
    .select(['months', 'amount_rub', 'paid_on'])
    .where('case_id', '=', caseId)
    .orderBy('paid_on')
    .orderBy('created_at')
    .execute();
  const months = payments.reduce((sum, p) => sum + p.months, 0);
  return {
    number: patent.number,
    region: patent.region,
    issuedOn: patent.issued_on,
    paidThrough: paidThrough(patent.issued_on, months),
    payments: payments.map((p) => ({ months: p.months, amountRub: Number(p.amount_rub), paidOn: p.paid_on })),
  };
}

export async function getPatent(db: Queryable, principal: Principal, caseId: string) {
  const kase = await findVisibleCase(db, caseId, principal);
  if (!kase) throw new DomainError('case.not_found');
  return (await loadPatent(db, caseId)) ?? null;
}

/** The next payment is due by the last day the patent is paid for. */
registerDeadlineSource('patent_payment', {
  statuses: ['permitted', 'employed'],
  fact: sql`(select json_build_object('issuedOn', p.issued_on,
      'months', (select coalesce(sum(pp.months), 0) from patent_payments pp where pp.case_id = cases.id))
    from patents p where p.case_id = cases.id)`,
  deadlines: (fact, _kase, { today }) => {
    const patent = fact as { issuedOn?: unknown; months?: unknown } | null;
    if (typeof patent?.issuedOn !== 'string' || typeof patent.months !== 'number') return [];
    return [makeDeadline('patent_payment', paidThrough(patent.issuedOn, patent.months), today.destination)];
  },
});
