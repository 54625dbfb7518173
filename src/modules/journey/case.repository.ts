import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Principal } from '../../platform/auth/roles';
import type { Database, Queryable, Tx } from '../../platform/database/database';
import { CorridorRules } from './corridor.schema';
import { findVisibility, listDeadlineSources, type CaseView } from './case.extensions';
import type { CaseAction, CaseStatus } from './case.workflow';
import { personSummaryJson } from '../people';
import './case.tables';

const NOT_FOR_SCREENING: CaseStatus[] = ['registered', 'medical_booked', 'medical_not_cleared'];
const IN_DESTINATION: CaseStatus[] = ['departed', 'arrived', 'permitted', 'employed', 'completed', 'returned'];
const FROM_POOL_ON: CaseStatus[] = ['in_pool', 'shortlisted', 'selected', 'offered', 'contracted', ...IN_DESTINATION];

/** Default scoping of cases per role; modules may register their own rule for a role (clinics). */
function defaultVisibility(eb: ExpressionBuilder<Database, 'cases'>, principal: Principal): Expression<SqlBool> {
  switch (principal.role) {
    case 'applicant':
      return principal.personId ? eb('cases.person_id', '=', principal.personId) : eb.val(false);
    case 'origin_agency':
      return eb.val(true);
    case 'destination_agency':
      return eb('cases.status', 'in', FROM_POOL_ON);
    case 'employer':
      return principal.organizationId ? eb('cases.employer_organization_id', '=', principal.organizationId) : eb.val(false);
    case 'mvd_office':
      return eb('cases.status', 'not in', NOT_FOR_SCREENING);
    case 'consular_office':
      return eb('cases.status', 'in', IN_DESTINATION);
    default:
      return eb.val(false);
  }
}

export function caseVisibleTo(eb: ExpressionBuilder<Database, 'cases'>, principal: Principal): Expression<SqlBool> {
  const rule = findVisibility(principal.role);
  return rule ? rule(eb, principal) : defaultVisibility(eb, principal);
}

export interface CaseRow extends CaseView {
  readonly rules: unknown;
  readonly originTimezone: string;
  readonly destinationTimezone: string;
  readonly status: CaseStatus;
  readonly roundId: string;
  readonly roundName: string;
  readonly roundClosesOn: string;
  readonly statusChangedAt: Date;
  readonly departedOn: string | null;
  readonly version: number;
  readonly createdAt: Date;
}

export function findCasesQuery(db: Queryable) {
  return db
    .selectFrom('cases')
    .innerJoin('recruitment_rounds as r', 'r.id', 'cases.round_id')
    .innerJoin('corridors as k', 'k.code', 'r.corridor_code')
    .select([
      'k.rules',
      'k.origin_timezone as originTimezone',
      'k.destination_timezone as destinationTimezone',
      'cases.id',
      'cases.person_id as personId',
      'cases.status',
      'cases.employer_organization_id as employerOrganizationId',
      'cases.arrived_on as arrivedOn',
      'cases.departed_on as departedOn',
      'cases.status_changed_at as statusChangedAt',
      'cases.version',
      'cases.created_at as createdAt',
      'cases.round_id as roundId',
      'r.name as roundName',
      'r.closes_on as roundClosesOn',
      'r.corridor_code as corridorCode',
    ]);
}

/** Lock the case row for a transition; the caller holds the transaction. */
export async function findCaseForUpdate(trx: Tx, id: string, principal?: Principal): Promise<CaseRow | undefined> {
  let query = findCasesQuery(trx).where('cases.id', '=', id);
  if (principal) query = query.where((eb) => caseVisibleTo(eb, principal));
  return query.forUpdate('cases').executeTakeFirst();
}

export interface TimelineRow {
  action: CaseAction;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  actorRole: string;
  reason: string | null;
  at: string;
}

/**
 * Every deadline source's fact for the `cases` row in scope, as one JSON object keyed by source name; a
 * source's subquery runs only when the case is in one of its statuses (null otherwise).
 */
export function deadlineFactsJson(): RawBuilder<Record<string, unknown>> {
  const entries = [...listDeadlineSources()]
    .filter(([, source]) => source.statuses.length > 0)
    .map(([name, source]) => sql`${sql.lit(name)}::text, case when cases.status in (${sql.join(source.statuses.map((s) => sql.lit(s)))}) then ${source.fact} end`);
  return entries.length > 0 ? sql<Record<string, unknown>>`json_build_object(${sql.join(entries)})` : sql<Record<string, unknown>>`'{}'::json`;
}

export async function loadDeadlineFacts(db: Queryable, caseId: string): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('cases').select(deadlineFactsJson().as('facts')).where('cases.id', '=', caseId).executeTakeFirst();
  return row?.facts ?? {};
}

/** The case with its person (as JSON from the people module), its timeline and its deadline facts, in one round trip. */
export async function findVisibleCaseDetail(db: Queryable, id: string, principal: Principal) {
  return findCasesQuery(db)
    .select((eb) => [
      personSummaryJson(eb.ref('cases.person_id')).as('personJson'),
      deadlineFactsJson().as('deadlineFacts'),
      sql<TimelineRow[]>`(select coalesce(json_agg(json_build_object('action', a.action, 'fromStatus', a.from_status, 'toStatus', a.to_status,
          'actorRole', a.actor_role, 'reason', a.reason, 'at', a.created_at) order by a.created_at, a.id), '[]'::json)
        from case_actions a where a.case_id = cases.id)`.as('timeline'),
    ])
    .where('cases.id', '=', id)
    .where((eb) => caseVisibleTo(eb, principal))
    .executeTakeFirst();
}

export async function findVisibleCase(db: Queryable, id: string, principal: Principal): Promise<CaseRow | undefined> {
  return findCasesQuery(db)
    .where('cases.id', '=', id)
    .where((eb) => caseVisibleTo(eb, principal))
    .executeTakeFirst();
}

export interface CaseListFilter {
  readonly status?: CaseStatus;
  readonly limit: number;
  /** Keyset cursor: the id of the last case of the previous page (cases ordered by creation, then id). */
  readonly after?: { readonly createdAt: Date; readonly id: string };
}

export async function listVisibleCases(db: Queryable, principal: Principal, filter: CaseListFilter): Promise<CaseRow[]> {
  let query = findCasesQuery(db).where((eb) => caseVisibleTo(eb, principal));
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.after) {
    const after = filter.after;
    query = query.where((eb) =>
      eb.or([eb('cases.created_at', '<', after.createdAt), eb.and([eb('cases.created_at', '=', after.createdAt), eb('cases.id', '<', after.id)])]),
    );
  }
  return query.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(filter.limit).execute();
}

export async function countVisibleCasesByStatus(db: Queryable, principal: Principal): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => caseVisibleTo(eb, principal))
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function findActionByRequestId(trx: Tx, requestId: string) {
  return trx.selectFrom('case_actions').select(['case_id', 'action']).where('request_id', '=', requestId).executeTakeFirst();
}

export interface ActionRecord {
  readonly caseId: string;
  readonly action: CaseAction;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly actorUserId: string | null;
  readonly actorRole: string;
  readonly reason: string | null;
  readonly requestId: string;
}

/** Move the case only if it is still in `from` (the row is locked; the check makes lost updates impossible). */
export async function applyTransition(trx: Tx, record: ActionRecord, dates: { departedOn?: string; arrivedOn?: string }): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({
      status: record.to,
      status_changed_at: new Date(),
      version: sql`version + 1`,
      ...(dates.departedOn ? { departed_on: dates.departedOn } : {}),
      ...(dates.arrivedOn ? { arrived_on: dates.arrivedOn } : {}),
    })
    .where('id', '=', record.caseId)
    .where('status', '=', record.from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('case_actions')
    .values({
      case_id: record.caseId,
      action: record.action,
      from_status: record.from,
      to_status: record.to,
      actor_user_id: record.actorUserId,
      actor_role: record.actorRole,
      reason: record.reason,
      request_id: record.requestId,
    })
    .execute();
  return true;
}

export async function listCaseActions(db: Queryable, caseId: string) {
  return db
    .selectFrom('case_actions')
    .select(['action', 'from_status as fromStatus', 'to_status as toStatus', 'actor_role as actorRole', 'reason', 'created_at as at'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getCorridorRules(db: Queryable, code: string): Promise<{ rules: CorridorRules; originTimezone: string; destinationTimezone: string }> {
  const row = await db.selectFrom('corridors').select(['rules', 'origin_timezone', 'destination_timezone']).where('code', '=', code).executeTakeFirstOrThrow();
  return { rules: CorridorRules.parse(row.rules), originTimezone: row.origin_timezone, destinationTimezone: row.destination_timezone };
}

export async function insertCase(trx: Tx, personId: string, roundId: string): Promise<string> {
  const row = await trx
    .insertInto('cases')
    .values({ person_id: personId, round_id: roundId, status: 'registered', employer_organization_id: null, departed_on: null, arrived_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setCaseEmployer(trx: Tx, caseId: string, employerOrganizationId: string | null): Promise<void> {
  await trx.updateTable('cases').set({ employer_organization_id: employerOrganizationId }).where('id', '=', caseId).execute();
}
