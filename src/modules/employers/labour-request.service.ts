import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { findLabourRequest, listLabourRequests } from './employer.repository';
import type { LabourRequestInput, LabourRequestView } from './employer.schema';
import { assertEmployerVerified } from './employer.service';
import { consumeQuota } from './quota.service';
import { isOccupation, isRegion, isSector, minimumWageFor } from './reference';
import { isSectorBanned } from './sector-bans.service';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'labour_request.submitted': { occupation: string; region: string; seats: number };
    'labour_request.approved': { seats: number; year: number };
    'labour_request.rejected': Record<string, never>;
  }
}

function checkReferences(input: Pick<LabourRequestInput, 'occupation' | 'region' | 'sector'>): FieldError[] {
  const fields: FieldError[] = [];
  if (!isOccupation(input.occupation)) fields.push({ path: 'body.occupation', code: 'unknown_occupation', message: 'not an ISCO-08 unit group' });
  if (!isRegion(input.region)) fields.push({ path: 'body.region', code: 'unknown_region', message: 'not an ISO 3166-2:RU region code' });
  if (!isSector(input.sector)) fields.push({ path: 'body.sector', code: 'unknown_sector', message: 'not a sector of the reference list' });
  return fields;
}

function checkWage(input: Pick<LabourRequestInput, 'region' | 'startOn' | 'hoursPerWeek' | 'wageRub'>): void {
  const minimum = minimumWageFor(input.region, input.startOn, input.hoursPerWeek);
  if (input.wageRub < minimum) {
    throw new DomainError('labour_request.wage_below_minimum.invalid', {
      detail: `the wage ${input.wageRub} RUB is below the minimum of ${minimum} RUB in ${input.region}`,
      fields: [{ path: 'body.wageRub', code: 'below_minimum', message: `at least ${minimum} RUB a month` }],
      extensions: { minimumWageRub: minimum },
    });
  }
}

/** A verified employer submits a request; it is checked against the reference lists and the regional minimum wage. */
export async function submitLabourRequest(db: Db, principal: Principal, context: ActionContext, input: LabourRequestInput): Promise<LabourRequestView> {
  const organizationId = principal.organizationId;
  if (!organizationId) throw new DomainError('employer.forbidden');
  const fields = checkReferences(input);
  if (fields.length > 0) throw new DomainError('labour_request.invalid', { fields });
  checkWage(input);
  return inTransaction(db, async (trx) => {
    const previous = await trx
      .selectFrom('labour_requests')
      .select(['id', 'employer_organization_id'])
      .where('request_id', '=', input.requestId)
      .executeTakeFirst();
    if (previous) {
      if (previous.employer_organization_id !== organizationId) throw new DomainError('labour_request.conflict', { detail: 'this requestId was used already' });
      return (await findLabourRequest(trx, previous.id)) as LabourRequestView;
    }
    await assertEmployerVerified(trx, organizationId);
    const row = await trx
      .insertInto('labour_requests')
      .values({
        employer_organization_id: organizationId,
        occupation: input.occupation,
        region: input.region,
        sector: input.sector,
        seats: input.seats,
        wage_rub: input.wageRub,
        hours_per_week: input.hoursPerWeek,
        housing: input.housing,
        contract_months: input.contractMonths,
        start_on: input.startOn,
        min_skill_level: input.minSkillLevel,
        min_russian_level: input.minRussianLevel,
        min_experience_years: input.minExperienceYears,
        duties: input.duties,
        decision_reason: null,
        decided_by_user_id: null,
        decided_at: null,
        request_id: input.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError('labour_request.conflict', { detail: 'this requestId was used already' });
        throw error;
      });
    await audit(trx, context, {
      type: 'labour_request.submitted',
      entityType: 'labour_request',
      entityId: row.id,
      data: { occupation: input.occupation, region: input.region, seats: input.seats },
    });
    return (await findLabourRequest(trx, row.id)) as LabourRequestView;
  });
}

/**
 * The destination agency approves a submitted request: the employer must still be verified, the sector not
 * barred in the region, the wage not below the minimum, and the quota of its region × occupation × year must
 * have the seats, which the approval consumes atomically. Or it rejects it with a reason.
 */
export async function decideLabourRequest(
  db: Db,
  context: ActionContext,
  id: string,
  decision: { decision: 'approve' | 'reject'; reason?: string },
): Promise<LabourRequestView> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('labour_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('labour_request.not_found');
    if (row.status !== 'submitted')
      throw new DomainError('labour_request.conflict', { detail: `the request is ${row.status}`, extensions: { requestStatus: row.status } });
    const decidedBy = 'userId' in context.actor ? context.actor.userId : null;
    if (decision.decision === 'reject') {
      if (!decision.reason)
        throw new DomainError('labour_request.invalid', { fields: [{ path: 'body.reason', code: 'required', message: 'a rejection needs a reason' }] });
      await trx
        .updateTable('labour_requests')
        .set({ status: 'rejected', decision_reason: decision.reason, decided_by_user_id: decidedBy, decided_at: new Date() })
        .where('id', '=', id)
        .execute();
      await audit(trx, context, { type: 'labour_request.rejected', entityType: 'labour_request', entityId: id, data: {} });
      return (await findLabourRequest(trx, id)) as LabourRequestView;
    }
    await assertEmployerVerified(trx, row.employer_organization_id);
    if (await isSectorBanned(trx, row.region, row.sector)) {
      throw new DomainError('labour_request.sector_banned.conflict', {
        detail: `foreign patent workers are barred from sector ${row.sector} in ${row.region}`,
        extensions: { region: row.region, sector: row.sector },
      });
    }
    checkWage({ region: row.region, startOn: row.start_on, hoursPerWeek: row.hours_per_week, wageRub: row.wage_rub });
    const year = Number(row.start_on.slice(0, 4));
    await consumeQuota(trx, { year, region: row.region, occupation: row.occupation, seats: row.seats });
    await trx
      .updateTable('labour_requests')
      .set({ status: 'approved', decision_reason: decision.reason ?? null, decided_by_user_id: decidedBy, decided_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .execute();
    await audit(trx, context, { type: 'labour_request.approved', entityType: 'labour_request', entityId: id, data: { seats: row.seats, year } });
    return (await findLabourRequest(trx, id)) as LabourRequestView;
  });
}

/** Requests the caller may see: an employer his own, the agencies all. */
export async function listVisibleRequests(db: Queryable, principal: Principal, status?: LabourRequestView['status']): Promise<LabourRequestView[]> {
  if (principal.role === 'employer') {
    if (!principal.organizationId) return [];
    return listLabourRequests(db, { employerOrganizationId: principal.organizationId, status });
  }
  return listLabourRequests(db, { status });
}

export async function getVisibleRequest(db: Queryable, principal: Principal, id: string): Promise<LabourRequestView> {
  const request = await findLabourRequest(db, id);
  if (!request || (principal.role === 'employer' && request.employerOrganizationId !== principal.organizationId))
    throw new DomainError('labour_request.not_found');
  return request;
}

/** Lock an approved request (selection, offers): the caller holds the transaction. */
export async function lockApprovedRequest(trx: Tx, id: string) {
  const row = await trx.selectFrom('labour_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('labour_request.not_found');
  if (row.status !== 'approved') throw new DomainError('labour_request.conflict', { detail: `the request is ${row.status}` });
  return row;
}

export const countApproved = (db: Queryable) =>
  db
    .selectFrom('labour_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
