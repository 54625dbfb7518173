import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findNameMatcher, type MatchablePerson } from './person.extensions';
import { findPersonSummaries, toPersonSummary } from './person.repository';
import type { DuplicateCandidate } from './person.schema';
import './person.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'person.duplicate_found': { candidatePersonId: string; score: number };
    'person.duplicate_merged': { duplicateId: string; intoPersonId: string; movedAccounts: number };
    'person.duplicate_kept_apart': { duplicateId: string };
    'person.duplicate_reopened': { duplicateId: string; undid: 'merged' | 'kept_apart' };
  }
}

/** Most candidates one registration records (the best by score). */
const MAX_CANDIDATES = 10;

/**
 * Probable existing persons for a newly registered one: persons sharing a blocking key, scored by the name
 * matcher (names in every form, birth date with day/month swaps); `match` and `review` are recorded.
 */
export async function recordDuplicateCandidates(
  trx: Tx,
  context: ActionContext,
  personId: string,
  person: MatchablePerson,
  keys: readonly number[],
): Promise<number> {
  const matcher = findNameMatcher();
  if (!matcher || keys.length === 0) return 0;
  const rows = await trx
    .selectFrom('person_match_keys as k')
    .innerJoin('persons as p', 'p.id', 'k.person_id')
    .selectAll('p')
    .where(sql<boolean>`k.keys && ${sql.val(keys)}::integer[]`)
    .where('p.id', '!=', personId)
    .where('p.merged_into_person_id', 'is', null)
    .limit(500)
    .execute();
  const found = rows
    .map((row) => {
      const other = toPersonSummary(row);
      return {
        id: row.id,
        verdict: matcher.compare(person, { names: other.names, birthDate: other.birthDate, gender: other.gender, passportNumber: row.passport_number }),
      };
    })
    .filter((f) => f.verdict.decision !== undefined)
    .sort((a, b) => b.verdict.score - a.verdict.score)
    .slice(0, MAX_CANDIDATES);
  for (const f of found) {
    await trx
      .insertInto('duplicate_candidates')
      .values({
        person_id: personId,
        candidate_person_id: f.id,
        score: f.verdict.score,
        reasons: JSON.stringify(f.verdict.reasons),
        moved_user_ids: null,
        decided_by: null,
        decided_at: null,
      })
      .onConflict((oc) => oc.columns(['person_id', 'candidate_person_id']).doNothing())
      .execute();
    await audit(trx, context, {
      type: 'person.duplicate_found',
      entityType: 'person',
      entityId: personId,
      data: { candidatePersonId: f.id, score: f.verdict.score },
    });
  }
  return found.length;
}

type CandidateRow = {
  id: string;
  person_id: string;
  candidate_person_id: string;
  score: number | string;
  reasons: unknown;
  status: DuplicateCandidate['status'];
  created_at: Date;
  decided_at: Date | null;
};

async function toCandidates(db: Queryable, rows: readonly CandidateRow[]): Promise<DuplicateCandidate[]> {
  const persons = await findPersonSummaries(db, [...new Set(rows.flatMap((r) => [r.person_id, r.candidate_person_id]))]);
  return rows.flatMap((r) => {
    const person = persons.get(r.person_id);
    const candidate = persons.get(r.candidate_person_id);
    if (!person || !candidate) return [];
    return [
      {
        id: r.id,
        status: r.status,
        score: Number(r.score),
        reasons: r.reasons as DuplicateCandidate['reasons'],
        person,
        candidate,
        createdAt: r.created_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
      },
    ];
  });
}

const candidateColumns = ['id', 'person_id', 'candidate_person_id', 'score', 'reasons', 'status', 'created_at', 'decided_at'] as const;

export async function listDuplicates(db: Queryable, status: DuplicateCandidate['status'] | undefined, limit: number): Promise<DuplicateCandidate[]> {
  let query = db.selectFrom('duplicate_candidates').select(candidateColumns);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at', 'desc').limit(limit).execute();
  return toCandidates(db, rows);
}

export async function listDuplicatesOfPerson(db: Queryable, personId: string): Promise<DuplicateCandidate[]> {
  const rows = await db
    .selectFrom('duplicate_candidates')
    .select(candidateColumns)
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('candidate_person_id', '=', personId)]))
    .orderBy('created_at', 'desc')
    .execute();
  return toCandidates(db, rows);
}

async function lockCandidate(trx: Tx, id: string) {
  const row = await trx.selectFrom('duplicate_candidates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('duplicate.not_found');
  return row;
}

function notOpen(status: string): DomainError {
  return new DomainError('duplicate.conflict', { detail: `this candidate is ${status} already`, extensions: { status } });
}

/**
 * Merge the newer registration into the existing person: the record is marked merged (and no longer
 * searched), its accounts sign in to the existing person. Reversible with `reopenDuplicate`.
 */
export async function mergeDuplicate(db: Db, principal: Principal, context: ActionContext, id: string): Promise<DuplicateCandidate> {
  return inTransaction(db, async (trx) => {
    const row = await lockCandidate(trx, id);
    if (row.status !== 'open') throw notOpen(row.status);
    const target = await trx.selectFrom('persons').select(['id', 'merged_into_person_id']).where('id', '=', row.candidate_person_id).executeTakeFirst();
    if (!target || target.merged_into_person_id) throw new DomainError('duplicate.conflict', { detail: 'the existing person was itself merged into another' });
    const moved = await trx.updateTable('users').set({ person_id: row.candidate_person_id }).where('person_id', '=', row.person_id).returning('id').execute();
    await trx.updateTable('persons').set({ merged_into_person_id: row.candidate_person_id, updated_at: new Date() }).where('id', '=', row.person_id).execute();
    await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'merged', moved_user_ids: JSON.stringify(moved.map((m) => m.id)), decided_by: principal.userId, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, context, {
      type: 'person.duplicate_merged',
      entityType: 'person',
      entityId: row.person_id,
      data: { duplicateId: id, intoPersonId: row.candidate_person_id, movedAccounts: moved.length },
    });
    return (await toCandidates(trx, [{ ...row, status: 'merged', decided_at: new Date() }]))[0] as DuplicateCandidate;
  });
}

export async function keepApart(db: Db, principal: Principal, context: ActionContext, id: string): Promise<DuplicateCandidate> {
  return inTransaction(db, async (trx) => {
    const row = await lockCandidate(trx, id);
    if (row.status !== 'open') throw notOpen(row.status);
    await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'kept_apart', decided_by: principal.userId, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, context, { type: 'person.duplicate_kept_apart', entityType: 'person', entityId: row.person_id, data: { duplicateId: id } });
    return (await toCandidates(trx, [{ ...row, status: 'kept_apart', decided_at: new Date() }]))[0] as DuplicateCandidate;
  });
}

/** Undo a decision: a merge gives the accounts back and un-marks the record; the candidate is open again. */
export async function reopenDuplicate(db: Db, context: ActionContext, id: string): Promise<DuplicateCandidate> {
  return inTransaction(db, async (trx) => {
    const row = await lockCandidate(trx, id);
    if (row.status === 'open') throw notOpen(row.status);
    if (row.status === 'merged') {
      const moved = (row.moved_user_ids ?? []) as string[];
      if (moved.length > 0) await trx.updateTable('users').set({ person_id: row.person_id }).where('id', 'in', moved).execute();
      await trx.updateTable('persons').set({ merged_into_person_id: null, updated_at: new Date() }).where('id', '=', row.person_id).execute();
    }
    await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'open', moved_user_ids: null, decided_by: null, decided_at: null })
      .where('id', '=', id)
      .execute();
    await audit(trx, context, {
      type: 'person.duplicate_reopened',
      entityType: 'person',
      entityId: row.person_id,
      data: { duplicateId: id, undid: row.status },
    });
    return (await toCandidates(trx, [{ ...row, status: 'open', decided_at: null }]))[0] as DuplicateCandidate;
  });
}
