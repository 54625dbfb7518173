import { randomUUID } from 'node:crypto';
import { inTransaction, type Db } from '../../src/platform/database/database';
import {
  completeInn10,
  completeOgrn,
  saveRegistration,
  setQuota,
  submitLabourRequest,
  verifyEmployer,
  decideLabourRequest,
  type LabourRequestInput,
} from '../../src/modules/employers';
import { saveCandidateProfile } from '../../src/modules/recruitment';
import { pathToStatus } from '../../src/modules/journey';
import type { Principal } from '../../src/platform/auth/roles';
import { createApplicant, createOfficial, createOrganizationOf, TEST_CONTEXT, type TestApplicant, type TestUser } from './factories';
import { ensureRootKey, type KeyVault } from '../../src/modules/credentials';

let serial = Math.floor(Math.random() * 1_000_000);

/** An employer official in a new organization whose registration (valid INN/OGRN/KPP) is verified. */
export async function createVerifiedEmployer(db: Db, options: { verified?: boolean; region?: string } = {}): Promise<TestUser> {
  const user = await createOfficial(db, 'employer');
  serial += 1;
  const inn = completeInn10(`66${String(serial % 10_000_000).padStart(7, '0')}`);
  const ogrn = completeOgrn(`1026600${String(serial % 100_000).padStart(5, '0')}`);
  await inTransaction(db, (trx) =>
    saveRegistration(trx, TEST_CONTEXT, user.organizationId as string, {
      legalForm: 'organization',
      legalName: `OOO Test ${serial}`,
      inn,
      ogrn,
      kpp: '667101001',
      region: options.region ?? 'RU-SVE',
      address: 'Yekaterinburg, Lenina 1',
    }),
  );
  if (options.verified ?? true) await verifyEmployer(db, TEST_CONTEXT, user.organizationId as string);
  return user;
}

export function principalOf(user: TestUser): Principal {
  return { userId: user.id, role: user.role, organizationId: user.organizationId, personId: user.personId, displayName: 'test', locale: 'en', via: 'session' };
}

export function requestInput(overrides: Partial<LabourRequestInput> = {}): LabourRequestInput {
  const year = new Date().getUTCFullYear() + 1;
  return {
    requestId: `req-${randomUUID()}`,
    occupation: '7112',
    region: 'RU-SVE',
    sector: '41',
    seats: 2,
    wageRub: 65_000,
    hoursPerWeek: 40,
    housing: 'free',
    contractMonths: 12,
    startOn: `${year}-03-01`,
    minSkillLevel: 2,
    minRussianLevel: 1,
    minExperienceYears: 1,
    duties: 'Bricklaying on residential construction sites',
    ...overrides,
  };
}

/** A quota, a submitted request and its approval (as the system). Returns the request id. */
export async function createApprovedRequest(db: Db, employer: TestUser, overrides: Partial<LabourRequestInput> = {}, quota = 100): Promise<string> {
  const input = requestInput(overrides);
  await setQuota(db, TEST_CONTEXT, { year: Number(input.startOn.slice(0, 4)), region: input.region, occupation: input.occupation, total: quota }).catch(
    () => undefined,
  );
  const request = await submitLabourRequest(db, principalOf(employer), TEST_CONTEXT, input);
  await decideLabourRequest(db, TEST_CONTEXT, request.id, { decision: 'approve' });
  return request.id;
}

/** A candidate in the pool (history import) with a stated profile. */
export async function createPoolCandidate(
  db: Db,
  roundId: string,
  profile: { occupation?: string; skillLevel?: number; russianLevel?: number; experienceYears?: number; preferredRegions?: string[] } = {},
): Promise<TestApplicant> {
  const applicant = await createApplicant(db, roundId, pathToStatus('in_pool'));
  await saveCandidateProfile(
    db,
    { userId: applicant.id, role: 'applicant', organizationId: null, personId: applicant.personId, displayName: 'test', locale: 'tg', via: 'session' },
    TEST_CONTEXT,
    applicant.caseId,
    {
      occupation: profile.occupation ?? '7112',
      skillLevel: profile.skillLevel ?? 3,
      russianLevel: profile.russianLevel ?? 2,
      experienceYears: profile.experienceYears ?? 4,
      skills: ['bricklaying'],
      preferredRegions: profile.preferredRegions ?? ['RU-SVE'],
    },
  );
  return applicant;
}

/** The trust root (held by a health authority), which certifies the origin agency's key that seals contracts. */
export async function ensureTrustRoot(db: Db, vault: KeyVault): Promise<void> {
  const authority = await createOrganizationOf(db, 'health_authority');
  await inTransaction(db, (trx) => ensureRootKey(trx, TEST_CONTEXT, vault, { organizationId: authority, name: 'Test health authority', country: 'TJ' }));
}
