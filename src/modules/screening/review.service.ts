/**
 * The MVD office's review of matches: clear, or refuse with four eyes (one officer proposes, another
 * confirms). A decision moves the case when its screening is settled: all matches cleared → screened_clear;
 * a confirmed refusal → refused. Reasons stay with the match (officers only); the case shows a neutral status.
 */
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, type Db, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { transitionCase } from '../journey';
import { countPendingMatches, PENDING_MATCH_STATUSES, setCaseScreening } from './screening.service';
import './screening.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'screening.match_cleared': { matchId: string };
    'screening.refusal_proposed': { matchId: string };
    'screening.refusal_confirmed': { matchId: string };
    'screening.match_read': { matchId: string };
  }
}

/** What the applicant's timeline says for a refusal: neutral, never the list or its entry. */
export const NEUTRAL_REFUSAL_REASON = 'Decision of the entry screening';

export interface Decision {
  readonly reason: string;
  readonly requestId: string;
}

async function lockMatch(trx: Tx, id: string) {
  const row = await trx.selectFrom('screening_matches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('screening_match.not_found');
  return row;
}

async function findOpenCase(trx: Tx, personId: string, caseId: string | null) {
  let query = trx.selectFrom('cases').select(['id', 'status']).where('person_id', '=', personId).where('status', 'in', ['screening_hold', 'medical_cleared']);
  if (caseId) query = query.where('id', '=', caseId);
  return query.forUpdate().executeTakeFirst();
}

/** Clearing: the match is a namesake. When nothing is pending any more, a held case is cleared. */
export async function clearMatch(db: Db, principal: Principal, context: ActionContext, id: string, input: Decision): Promise<void> {
  await inTransaction(db, async (trx) => {
    const match = await lockMatch(trx, id);
    if (!(PENDING_MATCH_STATUSES as readonly string[]).includes(match.status)) {
      throw new DomainError('screening_match.conflict', { detail: `the match is ${match.status} already`, extensions: { status: match.status } });
    }
    await trx
      .updateTable('screening_matches')
      .set({ status: 'cleared', decided_by: principal.userId, decided_at: new Date(), decision_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await audit(trx, context, { type: 'screening.match_cleared', entityType: 'screening_match', entityId: id, data: { matchId: id } });
    if ((await countPendingMatches(trx, match.person_id)) > 0) return;
    const kase = await findOpenCase(trx, match.person_id, null);
    if (kase?.status === 'screening_hold') {
      await transitionCase(trx, context, { caseId: kase.id, action: 'clear_screening', requestId: input.requestId }, 'module');
      await setCaseScreening(trx, kase.id, 'clear', match.version_id);
    }
  });
}

/** The first officer proposes a refusal; it needs a second officer to take effect. */
export async function proposeRefusal(db: Db, principal: Principal, context: ActionContext, id: string, input: Decision): Promise<void> {
  await inTransaction(db, async (trx) => {
    const match = await lockMatch(trx, id);
    if (match.status !== 'open')
      throw new DomainError('screening_match.conflict', { detail: `the match is ${match.status}`, extensions: { status: match.status } });
    await trx
      .updateTable('screening_matches')
      .set({ status: 'refusal_proposed', proposed_by: principal.userId, proposed_at: new Date(), proposal_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await audit(trx, context, { type: 'screening.refusal_proposed', entityType: 'screening_match', entityId: id, data: { matchId: id } });
  });
}

/**
 * A second officer confirms the refusal: the held case is refused (with a neutral reason on the case), the
 * person's other pending matches are settled with it.
 */
export async function confirmRefusal(db: Db, principal: Principal, context: ActionContext, id: string, input: Decision): Promise<void> {
  await inTransaction(db, async (trx) => {
    const match = await lockMatch(trx, id);
    if (match.status !== 'refusal_proposed')
      throw new DomainError('screening_match.conflict', { detail: 'no refusal was proposed', extensions: { status: match.status } });
    if (match.proposed_by === principal.userId) {
      throw new DomainError('screening_match.forbidden', {
        detail: 'a refusal is confirmed by a second officer, not the one who proposed it',
        extensions: { rule: 'four_eyes' },
      });
    }
    const kase = await findOpenCase(trx, match.person_id, match.case_id);
    if (!kase || kase.status !== 'screening_hold') {
      throw new DomainError('screening_match.conflict', {
        detail: 'a refusal takes effect on a case on screening hold; this case is not',
        extensions: { caseStatus: kase?.status ?? null },
      });
    }
    await trx
      .updateTable('screening_matches')
      .set({ status: 'refused', decided_by: principal.userId, decided_at: new Date(), decision_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('screening_matches')
      .set({ status: 'superseded' })
      .where('person_id', '=', match.person_id)
      .where('id', '!=', id)
      .where('status', 'in', PENDING_MATCH_STATUSES)
      .execute();
    await transitionCase(trx, context, { caseId: kase.id, action: 'refuse', requestId: input.requestId, reason: NEUTRAL_REFUSAL_REASON }, 'module');
    await setCaseScreening(trx, kase.id, 'refused', match.version_id);
    await audit(trx, context, { type: 'screening.refusal_confirmed', entityType: 'screening_match', entityId: id, data: { matchId: id } });
  });
}
