import type { Queryable } from '../../platform/database/database';
import type { EmployerView, LabourRequestView } from './employer.schema';
import { minimumWageFor } from './reference';
import './employer.tables';

function employerQuery(db: Queryable) {
  return db
    .selectFrom('employers as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select([
      'e.organization_id',
      'o.name as organization_name',
      'e.legal_form',
      'e.legal_name',
      'e.inn',
      'e.ogrn',
      'e.kpp',
      'e.region',
      'e.address',
      'e.status',
      'e.status_reason',
      'e.verified_at',
      'e.registered_at',
    ]);
}

type EmployerRow = Awaited<ReturnType<ReturnType<typeof employerQuery>['executeTakeFirstOrThrow']>>;

function toEmployerView(r: EmployerRow): EmployerView {
  return {
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    legalForm: r.legal_form,
    legalName: r.legal_name,
    inn: r.inn,
    ogrn: r.ogrn,
    kpp: r.kpp,
    region: r.region,
    address: r.address,
    status: r.status,
    statusReason: r.status_reason,
    verifiedAt: r.verified_at ? r.verified_at.toISOString() : null,
    registeredAt: r.registered_at.toISOString(),
  };
}

export async function findEmployer(db: Queryable, organizationId: string): Promise<EmployerView | undefined> {
  const row = await employerQuery(db).where('e.organization_id', '=', organizationId).executeTakeFirst();
  return row && toEmployerView(row);
}

export async function listEmployers(db: Queryable, status?: EmployerView['status']): Promise<EmployerView[]> {
  let query = employerQuery(db);
  if (status) query = query.where('e.status', '=', status);
  const rows = await query.orderBy('e.registered_at', 'desc').limit(500).execute();
  return rows.map(toEmployerView);
}

function requestQuery(db: Queryable) {
  return db
    .selectFrom('labour_requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.employer_organization_id')
    .selectAll('r')
    .select('o.name as employer_name');
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

export function toRequestView(r: RequestRow): LabourRequestView {
  return {
    id: r.id,
    employerOrganizationId: r.employer_organization_id,
    employerName: r.employer_name,
    occupation: r.occupation,
    region: r.region,
    sector: r.sector,
    seats: r.seats,
    wageRub: r.wage_rub,
    minimumWageRub: minimumWageFor(r.region, r.start_on, r.hours_per_week),
    hoursPerWeek: r.hours_per_week,
    housing: r.housing,
    contractMonths: r.contract_months,
    startOn: r.start_on,
    minSkillLevel: r.min_skill_level,
    minRussianLevel: r.min_russian_level,
    minExperienceYears: r.min_experience_years,
    duties: r.duties,
    status: r.status,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findLabourRequest(db: Queryable, id: string): Promise<LabourRequestView | undefined> {
  const row = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRequestView(row);
}

export interface RequestFilter {
  readonly employerOrganizationId?: string;
  readonly status?: LabourRequestView['status'];
  readonly ids?: readonly string[];
}

export async function listLabourRequests(db: Queryable, filter: RequestFilter): Promise<LabourRequestView[]> {
  let query = requestQuery(db);
  if (filter.employerOrganizationId) query = query.where('r.employer_organization_id', '=', filter.employerOrganizationId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('r.id', 'in', filter.ids);
  }
  const rows = await query.orderBy('r.created_at', 'desc').limit(1000).execute();
  return rows.map(toRequestView);
}
