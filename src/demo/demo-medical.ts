import type { ActionContext } from '../platform/audit/audit';
import { createOrganization, createUser } from '../platform/auth/accounts';
import type { Principal } from '../platform/auth/roles';
import { addDays, todayIn } from '../platform/calendar';
import type { Tx } from '../platform/database/database';
import { createSignerKey, ensureRootKey, issueCredential, MEDICAL_CERTIFICATE, type KeyVault } from '../modules/credentials';
import { importCaseHistory, openCase, type CaseAction } from '../modules/journey';
import {
  allocateClinic,
  approveClinic,
  approveProcedure,
  certificateClaims,
  draftProcedureVersion,
  insertClinic,
  isoWeekday,
  TEST_CODES,
} from '../modules/medical';
import { createPerson, deriveNames } from '../modules/people';
import { DEMO_FATHER_NAMES, DEMO_MALE_NAMES, DEMO_SURNAMES } from './demo-names';
import { createRandom, type Random } from './prng';
import type { DemoWorld } from './demo-world';

/**
 * The medical side of the demo, consistent with the journey histories seeded before it: three approved clinics
 * (one of which passes everyone, so it stands out on the health authority's chart) and one awaiting approval,
 * the procedure in force and a draft of its next version, published seeds, every demo case's appointment
 * allocated by the published rule, exams in every state, and a real signed certificate for every case that
 * passed its examination.
 */
const ZONE = 'Asia/Dushanbe';

export const DEMO_MEDICAL_ACCOUNTS = [
  {
    email: 'doctor@clinic3.demo',
    role: 'clinic_staff' as const,
    organization: 'Shifo Medical Centre, Dushanbe',
    note: 'records results (the clinic that passes everyone)',
  },
  { email: 'head@clinic3.demo', role: 'clinic_head' as const, organization: 'Shifo Medical Centre, Dushanbe', note: 'signs off exams' },
];
const DAY_MS = 86_400_000;

interface DemoClinic {
  readonly id: string;
  readonly capacity: number;
  readonly workingDays: number[];
  readonly staffId: string;
  readonly headId: string;
  readonly passesEveryone: boolean;
}

interface MedicalHistory {
  readonly caseId: string;
  readonly personId: string;
  readonly bookedAt: Date;
  /** When the exam was signed off, if it was. */
  readonly decidedAt?: Date;
  readonly outcome?: 'cleared' | 'not_cleared';
  readonly cancelledAt?: Date;
  /** Background volume: the outcome depends on the clinic, and the case history is written afterwards. */
  readonly flexible?: boolean;
}

async function userId(trx: Tx, email: string): Promise<string> {
  return (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function seedClinics(trx: Tx, context: ActionContext, world: DemoWorld, vault: KeyVault, passwordHash: string, keysFrom: Date): Promise<DemoClinic[]> {
  const authority = world.organizations.get('health_authority');
  if (!authority) throw new Error('demo: the health authority is missing');
  const principal: Principal = {
    userId: await userId(trx, 'health@corridor.demo'),
    role: 'health_authority',
    organizationId: authority.id,
    personId: null,
    displayName: '',
    locale: 'en',
    via: 'session',
  };
  await ensureRootKey(trx, context, vault, { organizationId: authority.id, name: authority.name, country: 'TJ', now: keysFrom });
  const clinic3 = await createOrganization(trx, context, { kind: 'clinic', name: 'Shifo Medical Centre, Dushanbe', country: 'TJ' });
  world.organizations.set('clinic_3', { id: clinic3, kind: 'clinic', name: 'Shifo Medical Centre, Dushanbe' });
  for (const [i, account] of DEMO_MEDICAL_ACCOUNTS.entries()) {
    const displayName = i === 0 ? 'Dr. Nilufar Saidova' : 'Dr. Qodir Sharipov';
    await createUser(
      trx,
      context,
      { email: account.email, displayName, role: account.role, password: world.password, organizationId: clinic3, locale: 'tg' },
      passwordHash,
    );
    world.accounts.push(account);
  }
  const specs = [
    {
      key: 'clinic_1',
      address: 'Rudaki Avenue 139, Dushanbe',
      capacity: 40,
      opensAt: '08:00',
      closesAt: '17:00',
      staff: 'doctor@clinic1.demo',
      head: 'head@clinic1.demo',
      passes: false,
    },
    {
      key: 'clinic_2',
      address: 'Somoni Street 59, Dushanbe',
      capacity: 25,
      opensAt: '08:30',
      closesAt: '16:30',
      staff: 'doctor@clinic2.demo',
      head: 'head@clinic2.demo',
      passes: false,
    },
    {
      key: 'clinic_3',
      address: 'Ayni Street 24, Dushanbe',
      capacity: 30,
      opensAt: '09:00',
      closesAt: '18:00',
      staff: 'doctor@clinic3.demo',
      head: 'head@clinic3.demo',
      passes: true,
    },
  ];
  const clinics: DemoClinic[] = [];
  for (const spec of specs) {
    const org = world.organizations.get(spec.key);
    if (!org) throw new Error(`demo: ${spec.key} is missing`);
    const clinic = await insertClinic(trx, context, {
      organizationId: org.id,
      name: org.name,
      address: spec.address,
      dailyCapacity: spec.capacity,
      opensAt: spec.opensAt,
      closesAt: spec.closesAt,
      workingDays: [1, 2, 3, 4, 5, 6],
    });
    // The signing key dates from when the clinic started examining, so the older certificates verify.
    await createSignerKey(trx, context, vault, { organizationId: org.id, name: org.name, country: 'TJ', now: keysFrom });
    await approveClinic(trx, principal, context, vault, clinic.id);
    clinics.push({
      id: clinic.id,
      capacity: spec.capacity,
      workingDays: [1, 2, 3, 4, 5, 6],
      staffId: await userId(trx, spec.staff),
      headId: await userId(trx, spec.head),
      passesEveryone: spec.passes,
    });
  }
  const pending = await createOrganization(trx, context, { kind: 'clinic', name: 'Medical Examination Point, Khujand', country: 'TJ' });
  await insertClinic(trx, context, {
    organizationId: pending,
    name: 'Medical Examination Point, Khujand',
    address: 'Lenin Street 12, Khujand',
    dailyCapacity: 20,
    opensAt: '08:00',
    closesAt: '16:00',
    workingDays: [1, 2, 3, 4, 5],
  });
  return clinics;
}

/** Seeds for every day the demo needs, each published 14 days before its day (as the booking rule does). */
async function seedAllocationSeeds(trx: Tx, today: string, from: string, random: Random): Promise<Map<string, string>> {
  const seeds = new Map<string, string>();
  for (let day = from; day <= addDays(today, 15); day = addDays(day, 1)) {
    const seed = Array.from({ length: 32 }, () => random.int(0, 255).toString(16).padStart(2, '0')).join('');
    seeds.set(day, seed);
    await trx
      .insertInto('allocation_seeds')
      .values({ day, seed, published_at: new Date(Date.parse(`${addDays(day, -14)}T00:00:00+05:00`)) })
      .execute();
  }
  return seeds;
}

/** What each demo case's journey says about its examination: when it was booked and decided. */
async function readHistories(trx: Tx, world: DemoWorld): Promise<MedicalHistory[]> {
  const histories: MedicalHistory[] = [];
  for (const applicant of world.applicants) {
    const actions = await trx
      .selectFrom('case_actions')
      .select(['action', 'created_at'])
      .where('case_id', '=', applicant.caseId)
      .orderBy('created_at')
      .execute();
    const at = (action: CaseAction) => actions.find((a) => a.action === action)?.created_at;
    const bookedAt = at('book_medical');
    if (!bookedAt) continue;
    const cleared = at('clear_medical');
    const failed = at('fail_medical');
    const withdrawnBeforeExam = !cleared && !failed ? at('withdraw') : undefined;
    histories.push({
      caseId: applicant.caseId,
      personId: applicant.personId,
      bookedAt,
      ...(cleared ? { decidedAt: cleared, outcome: 'cleared' as const } : failed ? { decidedAt: failed, outcome: 'not_cleared' as const } : {}),
      ...(withdrawnBeforeExam ? { cancelledAt: withdrawnBeforeExam } : {}),
    });
  }
  return histories;
}

class DemoAllocator {
  private readonly taken = new Map<string, number>();
  constructor(
    private readonly clinics: readonly DemoClinic[],
    private readonly seeds: ReadonlyMap<string, string>,
  ) {}

  /** The day moved off Sundays (no clinic works then), and the clinic the published rule allocates. */
  allocate(wantedDay: string, bookingId: string) {
    const day = isoWeekday(wantedDay) === 7 ? addDays(wantedDay, -1) : wantedDay;
    const candidates = this.clinics
      .filter((c) => c.workingDays.includes(isoWeekday(day)))
      .map((c) => ({ clinicId: c.id, free: c.capacity - (this.taken.get(`${c.id}|${day}`) ?? 0) }));
    const seed = this.seeds.get(day);
    const pick = seed ? allocateClinic(seed, bookingId, candidates) : undefined;
    if (!pick) throw new Error(`demo: no clinic for ${day}`);
    this.taken.set(`${pick.clinicId}|${day}`, (this.taken.get(`${pick.clinicId}|${day}`) ?? 0) + 1);
    const clinic = this.clinics.find((c) => c.id === pick.clinicId) as DemoClinic;
    return { day, clinic, allocation: { seedDay: day, candidates, draw: pick.draw, clinicId: pick.clinicId } };
  }
}

interface ExamPlan {
  readonly history: MedicalHistory;
  readonly day: string;
  readonly status: 'booked' | 'examined' | 'cancelled';
  readonly results: number;
}

async function seedExamination(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  allocator: DemoAllocator,
  procedure: { id: string; code: string; version: number },
  plan: ExamPlan,
  random: Random,
): Promise<'cleared' | 'not_cleared' | 'open'> {
  // Booking ids from the demo's seeded generator, so the demo allocates the same way on every start.
  const hex = Array.from({ length: 16 }, () => random.int(0, 255).toString(16).padStart(2, '0')).join('');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const { day, clinic, allocation } = allocator.allocate(plan.day, id);
  const { history } = plan;
  await trx
    .insertInto('medical_appointments')
    .values({
      id,
      case_id: history.caseId,
      person_id: history.personId,
      day,
      clinic_id: clinic.id,
      status: plan.status,
      allocation: JSON.stringify(allocation),
      request_id: `demo:${id}`,
      replaces_id: null,
      created_at: history.bookedAt,
      status_changed_at: history.decidedAt ?? history.cancelledAt ?? history.bookedAt,
    })
    .execute();
  if (plan.status !== 'examined') return 'open';
  // A clinic that passes everyone clears even what another clinic would have referred.
  const outcome = history.flexible && clinic.passesEveryone ? 'cleared' : history.outcome;
  if (history.flexible && history.decidedAt) await importBackgroundHistory(trx, context, history, outcome === 'cleared');
  const finding = outcome === 'not_cleared' ? random.pick(['tuberculosis', 'drugs', 'syphilis'] as const) : undefined;
  const exam = await trx
    .insertInto('medical_exams')
    .values({
      appointment_id: id,
      case_id: history.caseId,
      person_id: history.personId,
      clinic_id: clinic.id,
      procedure_id: procedure.id,
      status: outcome ?? 'in_progress',
      signed_off_by: outcome ? clinic.headId : null,
      signed_off_at: history.decidedAt ?? null,
      credential_id: null,
      created_at: history.decidedAt ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const code of TEST_CODES.slice(0, plan.results)) {
    await trx
      .insertInto('medical_test_results')
      .values({
        exam_id: exam.id,
        test_code: code,
        outcome: code === finding ? 'positive' : 'negative',
        recorded_by: clinic.staffId,
        recorded_at: history.decidedAt ?? new Date(),
      })
      .execute();
  }
  if (outcome === 'not_cleared' && finding) {
    await trx
      .insertInto('medical_referrals')
      .values({
        exam_id: exam.id,
        findings: JSON.stringify([finding]),
        referred_to: finding === 'tuberculosis' ? 'Republican TB Control Centre, Dushanbe' : 'Republican Clinical Centre of Narcology, Dushanbe',
        created_by: clinic.headId,
        created_at: history.decidedAt,
      })
      .execute();
  }
  if (outcome === 'cleared' && history.decidedAt) {
    const clinicOrg = await trx.selectFrom('clinics').select('organization_id').where('id', '=', clinic.id).executeTakeFirstOrThrow();
    const signer = await trx
      .selectFrom('issuer_keys')
      .select('id')
      .where('organization_id', '=', clinicOrg.organization_id)
      .where('purpose', '=', 'signer')
      .executeTakeFirstOrThrow();
    const validUntil = new Date(history.decidedAt.getTime() + 365 * DAY_MS);
    const issued = await issueCredential(trx, context, vault, {
      type: MEDICAL_CERTIFICATE.type,
      version: MEDICAL_CERTIFICATE.version,
      claims: await certificateClaims(trx, history.personId, procedure),
      signerId: signer.id,
      subjectPersonId: history.personId,
      caseId: history.caseId,
      sourceId: exam.id,
      validFrom: history.decidedAt,
      validUntil,
      now: history.decidedAt,
    });
    await trx.updateTable('medical_exams').set({ credential_id: issued.id }).where('id', '=', exam.id).execute();
  }
  return outcome ?? 'open';
}

/**
 * Earlier rounds' examinations of people who are not demo accounts: enough volume for the pass-rate chart.
 * Their cases are in the previous round; a referred person's case stays medical_not_cleared, a cleared one
 * was later withdrawn. The outcome is what a careful clinic would find; the lax clinic clears everyone.
 */
async function seedBackgroundExams(trx: Tx, context: ActionContext, world: DemoWorld, now: Date, random: Random): Promise<MedicalHistory[]> {
  const histories: MedicalHistory[] = [];
  for (let i = 0; i < 48; i += 1) {
    const surname = random.pick(DEMO_SURNAMES);
    const names = deriveNames({ surname, givenNames: random.pick(DEMO_MALE_NAMES), patronymic: `${random.pick(DEMO_FATHER_NAMES)}ович` });
    const personId = await createPerson(trx, context, {
      names,
      birthDate: `${random.int(1982, 2003)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      gender: 'M',
      citizenship: 'TJK',
      passportNumber: `${500_000_000 + i * 7717}`,
    });
    const caseId = await openCase(trx, context, personId, world.rounds.previous);
    const decidedAt = new Date(now.getTime() - random.int(20, 110) * DAY_MS - random.int(0, 30_000) * 1000);
    const bookedAt = new Date(decidedAt.getTime() - random.int(3, 10) * DAY_MS);
    histories.push({ caseId, personId, bookedAt, decidedAt, outcome: random.next() < 0.3 ? 'not_cleared' : 'cleared', flexible: true });
  }
  return histories;
}

async function importBackgroundHistory(trx: Tx, context: ActionContext, history: MedicalHistory, cleared: boolean): Promise<void> {
  const decidedAt = history.decidedAt as Date;
  const path: CaseAction[] = cleared ? ['book_medical', 'clear_medical', 'withdraw'] : ['book_medical', 'fail_medical'];
  const times = [history.bookedAt, decidedAt, new Date(decidedAt.getTime() + 20 * DAY_MS)];
  await importCaseHistory(
    trx,
    context,
    history.caseId,
    path.map((action, k) => ({
      action,
      at: times[k] as Date,
      actorRole: action === 'book_medical' || action === 'withdraw' ? 'applicant' : 'clinic_head',
      reason: action === 'withdraw' ? 'Changed plans' : undefined,
    })),
  );
}

export async function seedMedicalDemo(trx: Tx, context: ActionContext, world: DemoWorld, vault: KeyVault, passwordHash: string, now: Date): Promise<void> {
  const random = createRandom(20261129);
  const today = todayIn(ZONE, now);
  const clinics = await seedClinics(trx, context, world, vault, passwordHash, new Date(now.getTime() - 400 * DAY_MS));
  const tests = TEST_CODES.map((code) => ({ code, disqualifying: ['positive' as const] }));
  const draft = await draftProcedureVersion(trx, context, {
    code: 'RU-MOH-FW',
    title: 'Medical examination of foreign workers (Order of the Russian Ministry of Health)',
    tests,
    validityMonths: 12,
    renewalWindowDays: 30,
  });
  const procedure = await approveProcedure(trx, context, draft.id);
  await draftProcedureVersion(trx, context, {
    code: 'RU-MOH-FW',
    title: 'Medical examination of foreign workers (draft revision)',
    tests,
    validityMonths: 12,
    renewalWindowDays: 45,
  });
  const seeds = await seedAllocationSeeds(trx, today, addDays(today, -130), random);
  const allocator = new DemoAllocator(clinics, seeds);
  const dayOf = (at: Date) => todayIn(ZONE, at);
  const histories = [...(await readHistories(trx, world)), ...(await seedBackgroundExams(trx, context, world, now, random))];
  let openIndex = 0;
  for (const history of histories) {
    let plan: ExamPlan;
    if (history.decidedAt) plan = { history, day: dayOf(history.decidedAt), status: 'examined', results: TEST_CODES.length };
    else if (history.cancelledAt) plan = { history, day: addDays(dayOf(history.bookedAt), 5), status: 'cancelled', results: 0 };
    else {
      // Open bookings: two today (one exam half-entered), the others in the coming days.
      const offsets = [0, 0, 2, 4, 6];
      plan = {
        history,
        day: addDays(today, offsets[openIndex % offsets.length] as number),
        status: openIndex === 0 ? 'examined' : 'booked',
        results: openIndex === 0 ? 3 : 0,
      };
      openIndex += 1;
    }
    await seedExamination(trx, context, vault, allocator, procedure, plan, random);
  }
}
