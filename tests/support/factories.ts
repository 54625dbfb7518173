import { randomUUID } from 'node:crypto';
import type { ActionContext } from '../../src/platform/audit/audit';
import { createOrganization, createUser } from '../../src/platform/auth/accounts';
import { hashPassword } from '../../src/platform/auth/password';
import { ORGANIZATION_KIND_BY_ROLE, type Role } from '../../src/platform/auth/roles';
import { inTransaction, type Db } from '../../src/platform/database/database';
import type { OrganizationKind } from '../../src/platform/database/platform-tables';
import { createRound, importCaseHistory, openCase, setCaseEmployer, upsertCorridor, type CaseAction, type CaseStatus } from '../../src/modules/journey';
import { createPerson, deriveNames } from '../../src/modules/people';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export const TEST_CONTEXT: ActionContext = { actor: { system: 'test' }, requestId: 'test-setup' };

export const TJ_RU_RULES = {
  registrationExemptDays: 15,
  patentApplicationDays: 30,
  patentPaymentPeriodMonths: 1,
  certificateRenewalWindowDays: 30,
  offerResponseDays: 7,
  poolRequirements: ['medical_certificate', 'screening_clear', 'language_certificate', 'orientation'] as (
    | 'medical_certificate'
    | 'screening_clear'
    | 'language_certificate'
    | 'orientation'
  )[],
};

/** A corridor (TJ-RU by default) and an open round around today. Returns the round id. */
export async function createCorridorAndRound(db: Db, corridor: { code?: string; rules?: Partial<typeof TJ_RU_RULES> } = {}): Promise<string> {
  const code = corridor.code ?? 'TJ-RU';
  return inTransaction(db, async (trx) => {
    await upsertCorridor(trx, {
      code,
      originCountry: 'TJ',
      destinationCountry: 'RU',
      originTimezone: 'Asia/Dushanbe',
      destinationTimezone: 'Europe/Moscow',
      languages: ['tg', 'ru', 'en'],
      rules: { ...TJ_RU_RULES, ...corridor.rules },
    });
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    return createRound(trx, code, `round-${randomUUID().slice(0, 6)}`, `${year - 1}-01-01`, `${year + 1}-12-31`);
  });
}

export async function createOrganizationOf(db: Db, kind: OrganizationKind, name = `${kind} ${randomUUID().slice(0, 8)}`): Promise<string> {
  return inTransaction(db, (trx) =>
    createOrganization(trx, TEST_CONTEXT, {
      kind,
      name,
      country: kind === 'employer' || kind === 'destination_agency' || kind === 'consular_office' ? 'RU' : 'TJ',
    }),
  );
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly organizationId: string | null;
  readonly personId: string | null;
}

/** An official of the given role in a new (or the given) organization of the right kind. */
export async function createOfficial(db: Db, role: Exclude<Role, 'applicant'>, organizationId?: string): Promise<TestUser> {
  const orgId = organizationId ?? (await createOrganizationOf(db, ORGANIZATION_KIND_BY_ROLE[role]));
  const email = `${role}-${randomUUID().slice(0, 8)}@test.corridor`;
  const hash = await hashed();
  const id = await inTransaction(db, (trx) =>
    createUser(trx, TEST_CONTEXT, { email, displayName: `Test ${role}`, role, password: TEST_PASSWORD, organizationId: orgId }, hash),
  );
  return { id, email, role, organizationId: orgId, personId: null };
}

let passportSerial = Math.floor(Math.random() * 1_000_000);

export interface TestApplicant extends TestUser {
  readonly caseId: string;
}

/**
 * A person with an applicant account and a case walked along `path` (history import: the transition
 * table is checked, guards are not). Pass `employerOrganizationId` for cases an employer has selected.
 */
export async function createApplicant(
  db: Db,
  roundId: string,
  path: readonly CaseAction[] = [],
  options: { employerOrganizationId?: string; surname?: string; given?: string } = {},
): Promise<TestApplicant & { status: CaseStatus }> {
  const hash = await hashed();
  passportSerial += 1;
  const passportNumber = String(passportSerial).padStart(9, '0');
  const email = `applicant-${randomUUID().slice(0, 8)}@test.corridor`;
  return inTransaction(db, async (trx) => {
    const personId = await createPerson(trx, TEST_CONTEXT, {
      names: deriveNames({ surname: options.surname ?? 'Раҳмонов', givenNames: options.given ?? 'Ҷамшед', patronymic: 'Саидович' }),
      birthDate: '1990-04-12',
      gender: 'M',
      citizenship: 'TJK',
      passportNumber,
    });
    const caseId = await openCase(trx, TEST_CONTEXT, personId, roundId);
    const status = await importCaseHistory(
      trx,
      TEST_CONTEXT,
      caseId,
      path.map((action, i) => ({ action, at: new Date(Date.now() - (path.length - i) * 86_400_000), actorRole: 'system:test' })),
    );
    if (options.employerOrganizationId) await setCaseEmployer(trx, caseId, options.employerOrganizationId);
    const id = await createUser(
      trx,
      TEST_CONTEXT,
      { email, displayName: 'Test applicant', role: 'applicant', password: TEST_PASSWORD, organizationId: null, personId },
      hash,
    );
    return { id, email, role: 'applicant' as const, organizationId: null, personId, caseId, status };
  });
}
