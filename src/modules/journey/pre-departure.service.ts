import { z } from 'zod';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { todayIn } from '../../platform/calendar';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { enqueue, registerJobHandler } from '../../platform/jobs/queue';
import { evaluatePoolEligibility } from './case.guards';
import { registerPoolRequirement } from './case.extensions';
import { findCaseForUpdate, findVisibleCase } from './case.repository';
import { transitionCase } from './case.service';
import type { CaseStatus } from './case.workflow';
import type { PreDepartureKind } from './pre-departure.tables';
import './pre-departure.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'case.pre_departure_recorded': { kind: PreDepartureKind; recordId: string };
    'case.pre_departure_revoked': { kind: PreDepartureKind; recordId: string };
  }
}

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'journey.pool_entry': { caseId: string };
  }
}

export const PreDepartureInput = z.object({
  kind: z.enum(['orientation', 'language_certificate']),
  completedOn: z.iso.date(),
  reference: z.string().trim().min(1).max(100).optional(),
  score: z.number().int().min(0).max(100).optional(),
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
});
export type PreDepartureInput = z.infer<typeof PreDepartureInput>;

/** Pre-departure records can be added until the worker leaves. */
const RECORDABLE: readonly CaseStatus[] = [
  'registered',
  'medical_booked',
  'medical_cleared',
  'screening_hold',
  'screened_clear',
  'in_pool',
  'shortlisted',
  'selected',
  'offered',
  'contracted',
];

export async function recordPreDeparture(db: Db, principal: Principal, context: ActionContext, caseId: string, input: PreDepartureInput): Promise<void> {
  await inTransaction(db, async (trx) => {
    const kase = await findCaseForUpdate(trx, caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const previous = await trx.selectFrom('pre_departure_records').select(['case_id', 'kind']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.case_id !== caseId || previous.kind !== input.kind) throw new DomainError('case.request_conflict');
      return;
    }
    if (!RECORDABLE.includes(kase.status)) {
      throw new DomainError('pre_departure.conflict', { detail: `nothing can be recorded on a case in status ${kase.status}` });
    }
    if (input.completedOn > todayIn(kase.originTimezone)) {
      throw new DomainError('pre_departure.invalid', { fields: [{ path: 'completedOn', code: 'in_future', message: 'the date cannot be in the future' }] });
    }
    if (input.kind === 'language_certificate' && !input.reference) {
      throw new DomainError('pre_departure.invalid', { fields: [{ path: 'reference', code: 'required', message: 'the certificate number is required' }] });
    }
    const row = await trx
      .insertInto('pre_departure_records')
      .values({
        case_id: caseId,
        kind: input.kind,
        completed_on: input.completedOn,
        reference: input.reference ?? null,
        score: input.score ?? null,
        recorded_by: principal.userId,
        request_id: input.requestId,
        revoked_at: null,
        revoked_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new DomainError('pre_departure.conflict', { detail: `the case already has a ${input.kind} record; withdraw it first` });
        throw error;
      });
    await audit(trx, context, { type: 'case.pre_departure_recorded', entityType: 'case', entityId: caseId, data: { kind: input.kind, recordId: row.id } });
    if (kase.status === 'screened_clear') await requestPoolEntryCheck(trx, caseId);
  });
}

export async function revokePreDeparture(db: Db, principal: Principal, context: ActionContext, caseId: string, recordId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const kase = await findCaseForUpdate(trx, caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const row = await trx
      .updateTable('pre_departure_records')
      .set({ revoked_at: new Date(), revoked_by: principal.userId })
      .where('id', '=', recordId)
      .where('case_id', '=', caseId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'kind'])
      .executeTakeFirst();
    if (!row) throw new DomainError('pre_departure.not_found');
    await audit(trx, context, { type: 'case.pre_departure_revoked', entityType: 'case', entityId: caseId, data: { kind: row.kind, recordId: row.id } });
  });
}

export async function listPreDeparture(db: Queryable, principal: Principal, caseId: string) {
  const kase = await findVisibleCase(db, caseId, principal);
  if (!kase) throw new DomainError('case.not_found');
  const rows = await db
    .selectFrom('pre_departure_records')
    .select(['id', 'kind', 'completed_on', 'reference', 'score', 'created_at'])
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    completedOn: r.completed_on,
    reference: r.reference,
    score: r.score,
    recordedAt: r.created_at.toISOString(),
  }));
}

async function hasActiveRecord(trx: Queryable, caseId: string, kind: PreDepartureKind): Promise<boolean> {
  const row = await trx
    .selectFrom('pre_departure_records')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

registerPoolRequirement('orientation', async (trx, kase) => ({ met: await hasActiveRecord(trx, kase.id, 'orientation') }));
registerPoolRequirement('language_certificate', async (trx, kase) => ({ met: await hasActiveRecord(trx, kase.id, 'language_certificate') }));

/** Ask for the case to enter the pool as soon as it is eligible (a job, so the asking transaction stays short). */
export async function requestPoolEntryCheck(trx: Tx, caseId: string): Promise<void> {
  await enqueue(trx, 'journey.pool_entry', { caseId });
}

registerJobHandler('journey.pool_entry', {
  payload: z.object({ caseId: z.uuid() }),
  handle: async ({ caseId }, { db }) => {
    await inTransaction(db, async (trx) => {
      const kase = await findCaseForUpdate(trx, caseId);
      if (!kase || kase.status !== 'screened_clear') return;
      const unmet = (await evaluatePoolEligibility(trx, kase)).filter((r) => !r.met);
      if (unmet.length > 0) return;
      await transitionCase(
        trx,
        { actor: { system: 'pool' }, requestId: `pool-entry:${caseId}` },
        { caseId, action: 'enter_pool', requestId: `pool-entry:${caseId}` },
        'module',
      );
    });
  },
});

/** Import a record established elsewhere (legacy registry, demo data), audited like a live one. */
export async function importPreDepartureRecord(
  trx: Tx,
  context: ActionContext,
  caseId: string,
  record: { kind: PreDepartureKind; completedOn: string; reference?: string; score?: number },
): Promise<void> {
  const row = await trx
    .insertInto('pre_departure_records')
    .values({
      case_id: caseId,
      kind: record.kind,
      completed_on: record.completedOn,
      reference: record.reference ?? null,
      score: record.score ?? null,
      recorded_by: null,
      request_id: `import:${caseId}:${record.kind}`,
      revoked_at: null,
      revoked_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, { type: 'case.pre_departure_recorded', entityType: 'case', entityId: caseId, data: { kind: record.kind, recordId: row.id } });
}
