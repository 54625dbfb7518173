import { listTransferTargetChecks } from './case.extensions';
import { z } from 'zod';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findCaseForUpdate, setCaseEmployer } from './case.repository';
import { transitionCase } from './case.service';
import './after-contract.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'transfer.requested': { caseId: string; toOrganizationId: string };
    'transfer.decided': { side: 'origin' | 'destination'; decision: 'consent' | 'refuse' };
  }
}

export const TransferRequest = z.object({
  toOrganizationId: z.uuid(),
  reason: z.string().trim().min(5).max(1000),
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
});
export type TransferRequest = z.infer<typeof TransferRequest>;

export const TransferDecision = z.object({ decision: z.enum(['consent', 'refuse']) });

/** The Tajik office asks, on the worker's behalf, to move him to another employer. */
export async function requestTransfer(db: Db, principal: Principal, context: ActionContext, caseId: string, input: TransferRequest): Promise<string> {
  return inTransaction(db, async (trx) => {
    const kase = await findCaseForUpdate(trx, caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const previous = await trx.selectFrom('employer_transfers').select(['id', 'case_id']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.case_id !== caseId) throw new DomainError('case.request_conflict');
      return previous.id;
    }
    if (kase.status !== 'permitted' && kase.status !== 'employed')
      throw new DomainError('transfer.conflict', { detail: `a worker in status ${kase.status} cannot change employer` });
    const target = await trx.selectFrom('organizations').select('kind').where('id', '=', input.toOrganizationId).executeTakeFirst();
    if (target?.kind !== 'employer')
      throw new DomainError('transfer.invalid', { fields: [{ path: 'toOrganizationId', code: 'not_employer', message: 'not an employer' }] });
    if (input.toOrganizationId === kase.employerOrganizationId)
      throw new DomainError('transfer.invalid', { fields: [{ path: 'toOrganizationId', code: 'same', message: 'this is the current employer' }] });
    for (const check of listTransferTargetChecks()) {
      const outcome = await check(trx, input.toOrganizationId);
      if (!outcome.ok) throw new DomainError('transfer.invalid', { fields: [{ path: 'toOrganizationId', code: outcome.reason, message: 'this employer cannot receive workers' }] });
    }
    const row = await trx
      .insertInto('employer_transfers')
      .values({
        case_id: caseId,
        from_organization_id: kase.employerOrganizationId,
        to_organization_id: input.toOrganizationId,
        reason: input.reason,
        requested_by: principal.userId,
        origin_decision: null,
        origin_decided_by: null,
        origin_decided_at: null,
        destination_decision: null,
        destination_decided_by: null,
        destination_decided_at: null,
        request_id: input.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError('transfer.conflict', { detail: 'a transfer of this worker is already pending' });
        throw error;
      });
    await audit(trx, context, {
      type: 'transfer.requested',
      entityType: 'transfer',
      entityId: row.id,
      data: { caseId, toOrganizationId: input.toOrganizationId },
    });
    return row.id;
  });
}

/** Each agency decides once; with both consents the worker moves, with one refusal the request ends. */
export async function decideTransfer(
  db: Db,
  principal: Principal,
  context: ActionContext,
  transferId: string,
  decision: 'consent' | 'refuse',
): Promise<'pending' | 'approved' | 'refused'> {
  const side = principal.role === 'origin_agency' ? 'origin' : 'destination';
  return inTransaction(db, async (trx) => {
    const transfer = await trx.selectFrom('employer_transfers').selectAll().where('id', '=', transferId).forUpdate().executeTakeFirst();
    if (!transfer) throw new DomainError('transfer.not_found');
    if (transfer.status !== 'pending') throw new DomainError('transfer.conflict', { detail: `the transfer is already ${transfer.status}` });
    if ((side === 'origin' ? transfer.origin_decision : transfer.destination_decision) !== null)
      throw new DomainError('transfer.conflict', { detail: 'your agency has already decided' });
    const now = new Date();
    const decided =
      side === 'origin'
        ? { origin_decision: decision, origin_decided_by: principal.userId, origin_decided_at: now }
        : { destination_decision: decision, destination_decided_by: principal.userId, destination_decided_at: now };
    const other = side === 'origin' ? transfer.destination_decision : transfer.origin_decision;
    const status = decision === 'refuse' ? 'refused' : other === 'consent' ? 'approved' : 'pending';
    await trx
      .updateTable('employer_transfers')
      .set({ ...decided, status })
      .where('id', '=', transferId)
      .execute();
    await audit(trx, context, { type: 'transfer.decided', entityType: 'transfer', entityId: transferId, data: { side, decision } });
    if (status === 'approved') {
      await findCaseForUpdate(trx, transfer.case_id);
      await setCaseEmployer(trx, transfer.case_id, transfer.to_organization_id);
      await transitionCase(
        trx,
        { actor: { system: 'transfer' }, requestId: context.requestId },
        { caseId: transfer.case_id, action: 'transfer_employer', requestId: `transfer:${transferId}` },
        'module',
      );
    }
    return status;
  });
}

export async function listTransfers(db: Queryable, filter: { status?: 'pending' | 'approved' | 'refused' }) {
  let query = db
    .selectFrom('employer_transfers as t')
    .leftJoin('organizations as f', 'f.id', 't.from_organization_id')
    .innerJoin('organizations as o', 'o.id', 't.to_organization_id')
    .select([
      't.id',
      't.case_id',
      't.status',
      't.reason',
      't.origin_decision',
      't.destination_decision',
      't.created_at',
      'f.name as from_name',
      'o.name as to_name',
    ]);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  const rows = await query.orderBy('t.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    status: r.status,
    reason: r.reason,
    fromEmployer: r.from_name,
    toEmployer: r.to_name,
    originDecision: r.origin_decision,
    destinationDecision: r.destination_decision,
    createdAt: r.created_at.toISOString(),
  }));
}
