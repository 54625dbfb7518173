import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, type Db, type Queryable } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { isOccupation, isRegion } from '../employers';
import { findPersonSummaries } from '../people';
import type { CaseStatus } from '../journey';
import type { CandidateProfile, CandidateProfileInput } from './recruitment.schema';
import './recruitment.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'candidate_profile.saved': { occupation: string; regions: number };
  }
}

/** Statuses in which a candidate's stated profile may still change (before an employer selects him). */
const EDITABLE = ['registered', 'medical_booked', 'medical_cleared', 'medical_not_cleared', 'screening_hold', 'screened_clear', 'in_pool', 'shortlisted'];

/** The applicant's own case, or any case for the origin agency; others get 404. */
async function findOwnCase(db: Queryable, principal: Principal, caseId: string) {
  const row = await db.selectFrom('cases').select(['id', 'person_id', 'status']).where('id', '=', caseId).executeTakeFirst();
  if (!row || (principal.role === 'applicant' && row.person_id !== principal.personId)) throw new DomainError('case.not_found');
  return row;
}

function toProfile(row: {
  case_id: string;
  occupation: string;
  skill_level: number;
  russian_level: number;
  experience_years: number;
  skills: string[];
  preferred_regions: string[];
  updated_at: Date;
}): CandidateProfile {
  return {
    caseId: row.case_id,
    occupation: row.occupation.trim(),
    skillLevel: row.skill_level,
    russianLevel: row.russian_level,
    experienceYears: row.experience_years,
    skills: row.skills,
    preferredRegions: row.preferred_regions,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getCandidateProfile(db: Db, principal: Principal, caseId: string): Promise<CandidateProfile | null> {
  await findOwnCase(db, principal, caseId);
  const row = await db.selectFrom('candidate_profiles').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return row ? toProfile(row) : null;
}

export async function saveCandidateProfile(
  db: Db,
  principal: Principal,
  context: ActionContext,
  caseId: string,
  input: CandidateProfileInput,
): Promise<CandidateProfile> {
  const fields: FieldError[] = [];
  if (!isOccupation(input.occupation)) fields.push({ path: 'body.occupation', code: 'unknown_occupation', message: 'not an ISCO-08 unit group' });
  input.preferredRegions.forEach((r, i) => {
    if (!isRegion(r)) fields.push({ path: `body.preferredRegions.${i}`, code: 'unknown_region', message: 'not an ISO 3166-2:RU region code' });
  });
  if (new Set(input.preferredRegions).size !== input.preferredRegions.length)
    fields.push({ path: 'body.preferredRegions', code: 'duplicate', message: 'each region once' });
  if (fields.length > 0) throw new DomainError('candidate_profile.invalid', { fields });
  return inTransaction(db, async (trx) => {
    const kase = await findOwnCase(trx, principal, caseId);
    if (!EDITABLE.includes(kase.status))
      throw new DomainError('candidate_profile.conflict', { detail: `the profile cannot change once the case is ${kase.status}` });
    const values = {
      occupation: input.occupation,
      skill_level: input.skillLevel,
      russian_level: input.russianLevel,
      experience_years: input.experienceYears,
      skills: JSON.stringify(input.skills),
      preferred_regions: JSON.stringify(input.preferredRegions),
      updated_at: new Date(),
    };
    await trx
      .insertInto('candidate_profiles')
      .values({ case_id: caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    await audit(trx, context, {
      type: 'candidate_profile.saved',
      entityType: 'case',
      entityId: caseId,
      data: { occupation: input.occupation, regions: input.preferredRegions.length },
    });
    const row = await trx.selectFrom('candidate_profiles').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    return toProfile(row);
  });
}

export interface MatchableCandidate {
  readonly caseId: string;
  readonly occupation: string;
  readonly skillLevel: number;
  readonly russianLevel: number;
  readonly experienceYears: number;
  readonly preferredRegions: string[];
  readonly waitingDays: number;
  readonly status: string;
}

/**
 * Candidates matching considers: cases in the pool (or on a shortlist but not selected) with a profile.
 * Waiting counts from the first time the case entered the pool.
 */
export async function listMatchableCandidates(db: Queryable, statuses: readonly CaseStatus[] = ['in_pool', 'shortlisted']): Promise<MatchableCandidate[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('candidate_profiles as p', 'p.case_id', 'c.id')
    .select([
      'c.id',
      'c.status',
      'p.occupation',
      'p.skill_level',
      'p.russian_level',
      'p.experience_years',
      'p.preferred_regions',
      sql<number>`coalesce(extract(day from now() - (select min(a.created_at) from case_actions a where a.case_id = c.id and a.to_status = 'in_pool')), 0)::int`.as(
        'waiting_days',
      ),
    ])
    .where('c.status', 'in', statuses)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    caseId: r.id,
    occupation: r.occupation.trim(),
    skillLevel: r.skill_level,
    russianLevel: r.russian_level,
    experienceYears: r.experience_years,
    preferredRegions: r.preferred_regions,
    waitingDays: Math.max(0, Number(r.waiting_days)),
    status: r.status,
  }));
}

/** The pool as the origin agency sees it: candidates with their names, profiles and waiting time. */
export async function listPool(db: Db) {
  const rows = await db
    .selectFrom('cases as c')
    .leftJoin('candidate_profiles as p', 'p.case_id', 'c.id')
    .selectAll('p')
    .select([
      'c.id as id',
      'c.status as status',
      'c.person_id as person_id',
      sql<number>`coalesce(extract(day from now() - (select min(a.created_at) from case_actions a where a.case_id = c.id and a.to_status = 'in_pool')), 0)::int`.as(
        'waiting_days',
      ),
    ])
    .where('c.status', 'in', ['in_pool', 'shortlisted'])
    .orderBy('c.status_changed_at')
    .limit(1000)
    .execute();
  const persons = await findPersonSummaries(
    db,
    rows.map((r) => r.person_id),
  );
  return rows.flatMap((r) => {
    const person = persons.get(r.person_id);
    if (!person) return [];
    const profile =
      r.case_id && r.occupation !== null && r.updated_at !== null
        ? toProfile({
            case_id: r.case_id,
            occupation: r.occupation,
            skill_level: r.skill_level ?? 1,
            russian_level: r.russian_level ?? 0,
            experience_years: r.experience_years ?? 0,
            skills: r.skills ?? [],
            preferred_regions: r.preferred_regions ?? [],
            updated_at: r.updated_at,
          })
        : null;
    return [{ caseId: r.id, status: r.status, waitingDays: Math.max(0, Number(r.waiting_days)), person, profile }];
  });
}
