/**
 * Screening of persons against the list in force: at registration (within the request), when a case reaches
 * medical_cleared (a job enqueued by that transition), and for the whole pool after a new list version.
 * Matches become review items of the MVD office; the case moves to screened_clear or screening_hold.
 */
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Queryable, Tx } from '../../platform/database/database';
import { transitionCase, type CaseStatus } from '../journey';
import { toPersonSummary } from '../people';
import { getCurrentList, type LoadedList } from './list-cache';
import { parsePartialDate, personRecord, UNKNOWN_DATE, type Hit } from './matching';
import './screening.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'screening.matched': { matchId: string; versionId: string; decision: 'match' | 'review'; score: number };
    'screening.case_screened': { outcome: 'clear' | 'hold'; versionId: string | null; openMatches: number };
  }
}

export const SYSTEM_CONTEXT = (requestId: string): ActionContext => ({ actor: { system: 'screening' }, requestId });

/** Statuses in which a case's person is screened when a new list comes (the active journey). */
export const SCREENED_STATUSES: readonly CaseStatus[] = [
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

export const PENDING_MATCH_STATUSES = ['open', 'refusal_proposed'] as const;

type PersonRow = Parameters<typeof toPersonSummary>[0] & { passport_number: string | null };

export function recordOfPerson(row: PersonRow) {
  const { names, birthDate, gender } = toPersonSummary(row);
  return personRecord({
    forms: [{ surname: names.latin.surname, givenNames: names.latin.givenNames }, names.origin, names.destination],
    birth: parsePartialDate(birthDate) ?? UNKNOWN_DATE,
    gender: gender === 'X' ? null : gender,
    passportNumber: row.passport_number,
  });
}

export async function screenPersonRow(list: LoadedList, row: PersonRow): Promise<Hit[]> {
  return list.index.screen(recordOfPerson(row)).hits;
}

/**
 * Record a person's hits against a version. A hit whose entry (same list id and content) was cleared for this
 * person before is not raised again; pending matches of older versions are superseded by this screening.
 */
export async function recordHits(
  trx: Tx,
  context: ActionContext,
  list: LoadedList,
  personId: string,
  caseId: string | null,
  hits: readonly Hit[],
): Promise<number> {
  const cleared = await trx
    .selectFrom('screening_matches')
    .select(['list_id', 'fingerprint'])
    .where('person_id', '=', personId)
    .where('status', '=', 'cleared')
    .execute();
  const clearedKeys = new Set(cleared.map((c) => `${c.list_id}|${c.fingerprint}`));
  await trx
    .updateTable('screening_matches')
    .set({ status: 'superseded' })
    .where('person_id', '=', personId)
    .where('version_id', '!=', list.versionId)
    .where('status', 'in', PENDING_MATCH_STATUSES)
    .execute();
  for (const hit of hits) {
    const listId = list.listIds.get(hit.entry.id) ?? '';
    const fingerprint = list.fingerprints.get(hit.entry.id) ?? '';
    if (clearedKeys.has(`${listId}|${fingerprint}`)) continue;
    const inserted = await trx
      .insertInto('screening_matches')
      .values({
        person_id: personId,
        case_id: caseId,
        version_id: list.versionId,
        entry_id: Number(hit.entry.id),
        list_id: listId,
        fingerprint,
        score: hit.verdict.score,
        decision: hit.verdict.decision ?? 'review',
        reasons: JSON.stringify(hit.verdict.reasons),
        proposed_by: null,
        proposed_at: null,
        proposal_reason: null,
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      })
      .onConflict((oc) => oc.columns(['person_id', 'version_id', 'entry_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await audit(trx, context, {
        type: 'screening.matched',
        entityType: 'person',
        entityId: personId,
        data: { matchId: inserted.id, versionId: list.versionId, decision: hit.verdict.decision ?? 'review', score: hit.verdict.score },
      });
    }
  }
  return countPendingMatches(trx, personId);
}

export async function countPendingMatches(db: Queryable, personId: string): Promise<number> {
  const row = await db
    .selectFrom('screening_matches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('status', 'in', PENDING_MATCH_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function setCaseScreening(trx: Tx, caseId: string, outcome: 'clear' | 'hold' | 'refused', versionId: string | null): Promise<void> {
  await trx
    .insertInto('case_screenings')
    .values({ case_id: caseId, outcome, version_id: versionId })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ outcome, version_id: versionId, screened_at: new Date() }))
    .execute();
}

export { setCaseScreening };

async function findPersonRow(trx: Tx, personId: string) {
  return trx.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
}

/**
 * Screen a case that reached medical_cleared: no pending match → screened_clear, otherwise screening_hold
 * with the matches in the MVD office's queue. Idempotent: a case no longer in medical_cleared is left alone.
 */
export async function screenCase(trx: Tx, caseId: string, requestId: string): Promise<'clear' | 'hold' | 'skipped'> {
  const kase = await trx.selectFrom('cases').select(['id', 'person_id', 'status']).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!kase || kase.status !== 'medical_cleared') return 'skipped';
  const context = SYSTEM_CONTEXT(requestId);
  const list = await getCurrentList(trx);
  const person = await findPersonRow(trx, kase.person_id);
  if (!person) return 'skipped';
  const pending = list
    ? await recordHits(trx, context, list, person.id, caseId, await screenPersonRow(list, person))
    : await countPendingMatches(trx, person.id);
  const outcome = pending > 0 ? 'hold' : 'clear';
  await transitionCase(
    trx,
    context,
    { caseId, action: outcome === 'hold' ? 'hold_screening' : 'clear_screening', requestId: `${requestId}:${caseId}` },
    'module',
  );
  await setCaseScreening(trx, caseId, outcome, list?.versionId ?? null);
  await audit(trx, context, {
    type: 'screening.case_screened',
    entityType: 'case',
    entityId: caseId,
    data: { outcome, versionId: list?.versionId ?? null, openMatches: pending },
  });
  return outcome;
}

/** Registration hook: the new person is screened within the request; hits wait in the queue for the officer. */
export async function screenRegistration(trx: Tx, context: ActionContext, registered: { personId: string; caseId: string }): Promise<void> {
  const list = await getCurrentList(trx);
  if (!list) return;
  const person = await findPersonRow(trx, registered.personId);
  if (!person) return;
  await recordHits(trx, context, list, person.id, registered.caseId, await screenPersonRow(list, person));
}
