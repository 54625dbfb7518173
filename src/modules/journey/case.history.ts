import { randomUUID } from 'node:crypto';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findTransition, type CaseAction, type CaseStatus } from './case.workflow';

export interface HistoricalStep {
  readonly action: CaseAction;
  readonly at: Date;
  readonly actorRole: string;
  readonly reason?: string;
  readonly occurredOn?: string;
}

/**
 * Import a case's past from another system (or the demo data): every step must follow the transition table,
 * but guards are not re-run, because the facts they check were established where the history comes from.
 * Each step gets an action row and an audit event, as a live transition would.
 */
export async function importCaseHistory(trx: Tx, context: ActionContext, caseId: string, steps: readonly HistoricalStep[]): Promise<CaseStatus> {
  const kase = await trx.selectFrom('cases').select(['status']).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!kase) throw new DomainError('case.not_found');
  let status = kase.status;
  for (const step of steps) {
    const transition = findTransition(status, step.action);
    if (!transition) throw new DomainError('case.transition_not_allowed', { detail: `history step ${step.action} is not allowed from ${status}` });
    await trx
      .insertInto('case_actions')
      .values({
        case_id: caseId,
        action: step.action,
        from_status: status,
        to_status: transition.to,
        actor_user_id: null,
        actor_role: step.actorRole,
        reason: step.reason ?? null,
        request_id: `import:${randomUUID()}`,
        created_at: step.at,
      })
      .execute();
    await trx
      .updateTable('cases')
      .set({
        status: transition.to,
        status_changed_at: step.at,
        ...(transition.records === 'departed_on' ? { departed_on: step.occurredOn ?? step.at.toISOString().slice(0, 10) } : {}),
        ...(transition.records === 'arrived_on' ? { arrived_on: step.occurredOn ?? step.at.toISOString().slice(0, 10) } : {}),
      })
      .where('id', '=', caseId)
      .execute();
    await audit(trx, context, {
      type: 'case.transitioned',
      entityType: 'case',
      entityId: caseId,
      data: { action: step.action, from: status, to: transition.to },
    });
    status = transition.to;
  }
  return status;
}
