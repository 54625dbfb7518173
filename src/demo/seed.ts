import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActionContext } from '../platform/audit/audit';
import { createOrganization, createUser } from '../platform/auth/accounts';
import { hashPassword } from '../platform/auth/password';
import type { Role } from '../platform/auth/roles';
import { addDays, todayIn } from '../platform/calendar';
import { inTransaction, type Db, type Tx } from '../platform/database/database';
import type { OrganizationKind } from '../platform/database/platform-tables';
import { createRound, upsertCorridor, type Corridor } from '../modules/journey';
import { DEMO_APPLICANT_ACCOUNTS, seedDemoApplicants } from './demo-applicants';
import { DEMO_MEDICAL_ACCOUNTS, seedMedicalDemo } from './demo-medical';
import type { KeyVault } from '../modules/credentials';
import { loadConfig } from '../platform/config';
import { DEMO_RECRUITMENT_ACCOUNTS, seedRecruitmentDemo } from './demo-recruitment';
import { sealUnsealedContracts } from '../modules/recruitment';
import { seedScreeningDemo } from './demo-screening';
import type { DemoWorld } from './demo-world';
import { seedWelfareDemo } from './demo-welfare';

export const DEMO_PASSWORD = 'corridor-demo';

const CORRIDOR_FILE = fileURLToPath(new URL('../../reference/corridors/TJ-RU.json', import.meta.url));

interface OrgSpec {
  readonly key: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly country: string;
  readonly users: ReadonlyArray<{ email: string; name: string; role: Role; note: string }>;
}

const ORGANIZATIONS: readonly OrgSpec[] = [
  {
    key: 'operator',
    kind: 'operator',
    name: 'Corridor Operations',
    country: 'TJ',
    users: [
      { email: 'admin@corridor.demo', name: 'Operations Administrator', role: 'admin', note: 'users and reference data' },
      { email: 'auditor@corridor.demo', name: 'Internal Auditor', role: 'auditor', note: 'reads the audit trail' },
    ],
  },
  {
    key: 'origin_agency',
    kind: 'origin_agency',
    name: 'Agency for Labour Migration, Ministry of Labour (Dushanbe)',
    country: 'TJ',
    users: [{ email: 'agency@corridor.demo', name: 'Nargis Sharipova', role: 'origin_agency', note: 'candidate pool, orientation, departures' }],
  },
  {
    key: 'destination_agency',
    kind: 'destination_agency',
    name: 'Federal Service for Labour and Employment (Moscow)',
    country: 'RU',
    users: [{ email: 'labour@corridor.demo', name: 'Elena Morozova', role: 'destination_agency', note: 'employer verification, quotas' }],
  },
  {
    key: 'health_authority',
    kind: 'health_authority',
    name: 'Ministry of Health, Medical Examination Supervision (Dushanbe)',
    country: 'TJ',
    users: [{ email: 'health@corridor.demo', name: 'Dr. Farrukh Nazarov', role: 'health_authority', note: 'clinics, procedures, revocations' }],
  },
  {
    key: 'clinic_1',
    kind: 'clinic',
    name: 'Medical Examination Point No. 1, Dushanbe',
    country: 'TJ',
    users: [
      { email: 'doctor@clinic1.demo', name: 'Dr. Zarina Karimova', role: 'clinic_staff', note: 'records results' },
      { email: 'head@clinic1.demo', name: 'Dr. Rustam Safarov', role: 'clinic_head', note: 'signs off exams' },
    ],
  },
  {
    key: 'clinic_2',
    kind: 'clinic',
    name: 'Medical Examination Point No. 2, Dushanbe',
    country: 'TJ',
    users: [
      { email: 'doctor@clinic2.demo', name: 'Dr. Malika Odinaeva', role: 'clinic_staff', note: 'records results' },
      { email: 'head@clinic2.demo', name: 'Dr. Bahodur Hakimov', role: 'clinic_head', note: 'signs off exams' },
    ],
  },
  {
    key: 'mvd_office',
    kind: 'mvd_office',
    name: 'Representative Office of the Russian MVD in Dushanbe',
    country: 'TJ',
    users: [
      { email: 'mvd@corridor.demo', name: 'Sergei Volkov', role: 'mvd_office', note: 'entry-ban screening: review queue, lists' },
      { email: 'mvd2@corridor.demo', name: 'Olga Petrova', role: 'mvd_office', note: 'second officer: confirms refusals (four eyes)' },
    ],
  },
  {
    key: 'consular_office',
    kind: 'consular_office',
    name: 'Representative Office of the Tajik Interior Ministry in Moscow',
    country: 'RU',
    users: [{ email: 'moscow@corridor.demo', name: 'Umed Davlatov', role: 'consular_office', note: 'citizens in Russia, grievances' }],
  },
  {
    key: 'employer_1',
    kind: 'employer',
    name: 'OOO UralStroyMontazh (Yekaterinburg)',
    country: 'RU',
    users: [{ email: 'hr@uralstroy.demo', name: 'Irina Sokolova', role: 'employer', note: 'construction employer' }],
  },
  {
    key: 'employer_2',
    kind: 'employer',
    name: 'AO Kazan AgroKomplex (Kazan)',
    country: 'RU',
    users: [{ email: 'hr@kazanagro.demo', name: 'Timur Gabdullin', role: 'employer', note: 'agriculture employer' }],
  },
];

const SEED_CONTEXT: ActionContext = { actor: { system: 'demo-seed' }, requestId: 'demo-seed' };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

async function seedOrganizations(trx: Tx, world: DemoWorld, passwordHash: string): Promise<void> {
  for (const spec of ORGANIZATIONS) {
    const id = await createOrganization(trx, SEED_CONTEXT, { kind: spec.kind, name: spec.name, country: spec.country });
    world.organizations.set(spec.key, { id, kind: spec.kind, name: spec.name });
    for (const user of spec.users) {
      await createUser(
        trx,
        SEED_CONTEXT,
        {
          email: user.email,
          displayName: user.name,
          role: user.role,
          password: world.password,
          organizationId: id,
          locale: spec.country === 'RU' ? 'ru' : 'tg',
        },
        passwordHash,
      );
      world.accounts.push({ email: user.email, role: user.role, organization: spec.name, note: user.note });
    }
  }
}

/**
 * Seed a realistic demo into an empty database, all in one transaction: the TJ-RU corridor, two rounds,
 * an organization for every role with its officials, and applicants in every stage of the journey.
 */
export async function seedDemo(db: Db, now: Date = new Date(), vault: KeyVault = loadConfig()): Promise<DemoWorld> {
  const corridor = JSON.parse(readFileSync(CORRIDOR_FILE, 'utf8')) as Corridor;
  const today = todayIn(corridor.originTimezone, now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (trx) => {
    await upsertCorridor(trx, corridor);
    const year = Number(today.slice(0, 4));
    const previous = await createRound(trx, corridor.code, `${year - 1}–${year}`, addDays(today, -450), addDays(today, -90));
    const current = await createRound(trx, corridor.code, `${year}–${year + 1}`, addDays(today, -60), addDays(today, 240));
    const world: DemoWorld = {
      password: DEMO_PASSWORD,
      today,
      corridorCode: corridor.code,
      rounds: { current, previous },
      organizations: new Map(),
      accounts: [],
      applicants: [],
    };
    await seedOrganizations(trx, world, passwordHash);
    await seedDemoApplicants(trx, SEED_CONTEXT, world, passwordHash, now);
    await seedScreeningDemo(trx, SEED_CONTEXT, world);
    await seedMedicalDemo(trx, SEED_CONTEXT, world, vault, passwordHash, now);
    await seedRecruitmentDemo(trx, world, passwordHash);
    await sealUnsealedContracts(trx, SEED_CONTEXT, vault);
    await seedWelfareDemo(trx, SEED_CONTEXT, world);
    return world;
  });
}

export function formatDemoAccounts(world: Pick<DemoWorld, 'accounts' | 'password'>): string {
  const width = Math.max(...world.accounts.map((a) => a.email.length));
  const lines = world.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(18)} ${a.note}`);
  return [`Demo accounts (password for all: ${world.password}):`, ...lines].join('\n');
}

/** The documented demo accounts that exist in this database (printed at every start). */
export async function listDemoAccounts(db: Db): Promise<DemoWorld['accounts']> {
  const documented = [
    ...ORGANIZATIONS.flatMap((o) => o.users.map((u) => ({ email: u.email, role: u.role, organization: o.name, note: u.note }))),
    ...DEMO_MEDICAL_ACCOUNTS,
    ...DEMO_APPLICANT_ACCOUNTS,
    ...DEMO_RECRUITMENT_ACCOUNTS,
  ];
  const existing = await db
    .selectFrom('users')
    .select('email')
    .where(
      'email',
      'in',
      documented.map((a) => a.email),
    )
    .execute();
  const present = new Set(existing.map((e) => e.email));
  return documented.filter((a) => present.has(a.email));
}
