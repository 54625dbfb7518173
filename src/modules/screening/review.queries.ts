import type { Principal } from '../../platform/auth/roles';
import type { Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findPersonSummaries } from '../people';
import type { ReviewItem } from './screening.schema';
import type { MatchStatus } from './screening.tables';

function baseQuery(db: Queryable) {
  return db
    .selectFrom('screening_matches as m')
    .innerJoin('watchlist_entries as e', 'e.id', 'm.entry_id')
    .innerJoin('watchlist_versions as v', 'v.id', 'm.version_id')
    .leftJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'm.id',
      'm.status',
      'm.decision',
      'm.score',
      'm.reasons',
      'm.created_at',
      'm.person_id',
      'm.case_id',
      'c.status as case_status',
      'm.proposed_by',
      'm.proposed_at',
      'm.proposal_reason',
      'm.decided_at',
      'm.decision_reason',
      'e.list_id',
      'e.name',
      'e.birth_date',
      'e.gender',
      'e.passport_number',
      'e.nationality',
      'v.version',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toItems(db: Queryable, principal: Principal, rows: readonly Row[]): Promise<ReviewItem[]> {
  const persons = await findPersonSummaries(db, [...new Set(rows.map((r) => r.person_id))]);
  return rows.flatMap((r) => {
    const person = persons.get(r.person_id);
    if (!person) return [];
    return [
      {
        id: r.id,
        status: r.status,
        decision: r.decision,
        score: Number(r.score),
        reasons: r.reasons as ReviewItem['reasons'],
        createdAt: r.created_at.toISOString(),
        person,
        caseId: r.case_id,
        caseStatus: r.case_status ?? null,
        entry: { listId: r.list_id, name: r.name, birthDate: r.birth_date, gender: r.gender, passportNumber: r.passport_number, nationality: r.nationality },
        listVersion: r.version,
        proposedByMe: r.proposed_by === principal.userId,
        proposedAt: r.proposed_at?.toISOString() ?? null,
        proposalReason: r.proposal_reason,
        decidedAt: r.decided_at?.toISOString() ?? null,
        decisionReason: r.decision_reason,
      },
    ];
  });
}

/** The review queue: pending items first (open, then proposed refusals), best score first. */
export async function listReviews(db: Queryable, principal: Principal, filter: { status?: MatchStatus; limit: number }): Promise<ReviewItem[]> {
  let query = baseQuery(db);
  query = filter.status ? query.where('m.status', '=', filter.status) : query.where('m.status', 'in', ['open', 'refusal_proposed']);
  const rows = await query.orderBy('m.status').orderBy('m.score', 'desc').orderBy('m.created_at').limit(filter.limit).execute();
  return toItems(db, principal, rows);
}

export async function getReview(db: Queryable, principal: Principal, id: string): Promise<ReviewItem> {
  const rows = await baseQuery(db).where('m.id', '=', id).execute();
  const [item] = await toItems(db, principal, rows);
  if (!item) throw new DomainError('screening_match.not_found');
  return item;
}

export async function countReviews(db: Queryable): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('screening_matches')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
