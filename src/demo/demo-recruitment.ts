import type { ActionContext } from '../platform/audit/audit';
import { audit } from '../platform/audit/audit';
import { createOrganization, createUser } from '../platform/auth/accounts';
import { addDays } from '../platform/calendar';
import type { Tx } from '../platform/database/database';
import { enqueue } from '../platform/jobs/queue';
import { completeInn10, completeOgrn, consumeQuota, saveRegistration, type Housing } from '../modules/employers';
import { createContractForOffer, matching } from '../modules/recruitment';
import type { CaseStatus } from '../modules/journey';
import type { DemoWorld } from './demo-world';

/** The third employer: registered, waiting for the labour authority to verify it. */
export const DEMO_RECRUITMENT_ACCOUNTS = [
  { email: 'hr@volgastroy.demo', role: 'employer' as const, organization: 'OOO VolgaStroy (Samara)', note: 'employer waiting for verification' },
];

interface DemoRequest {
  readonly employer: 'employer_1' | 'employer_2';
  readonly occupation: string;
  readonly region: string;
  readonly sector: string;
  readonly wageRub: number;
  readonly housing: Housing;
  readonly duties: string;
  readonly startInDays: number;
  readonly approved: boolean;
}

const CURRENT: Record<'A' | 'B' | 'C' | 'D', DemoRequest> = {
  A: {
    employer: 'employer_1',
    occupation: '7112',
    region: 'RU-SVE',
    sector: '41',
    wageRub: 78_000,
    housing: 'free',
    duties: 'Кладка кирпича и блоков на жилых домах',
    startInDays: 75,
    approved: true,
  },
  B: {
    employer: 'employer_2',
    occupation: '9211',
    region: 'RU-TA',
    sector: '01',
    wageRub: 52_000,
    housing: 'paid',
    duties: 'Полевые работы в овощеводстве и зерновом хозяйстве',
    startInDays: 60,
    approved: true,
  },
  C: {
    employer: 'employer_1',
    occupation: '9313',
    region: 'RU-SVE',
    sector: '41',
    wageRub: 58_000,
    housing: 'free',
    duties: 'Подготовка площадки, подача материалов, бетонные работы',
    startInDays: 90,
    approved: false,
  },
  D: {
    employer: 'employer_2',
    occupation: '8341',
    region: 'RU-TA',
    sector: '01',
    wageRub: 68_000,
    housing: 'paid',
    duties: 'Управление тракторами и комбайнами',
    startInDays: 90,
    approved: false,
  },
};

const PAST_ROUND_STATUSES: readonly CaseStatus[] = ['departed', 'arrived', 'permitted', 'employed', 'completed', 'returned'];
/** Pool candidates state other trades (nothing approved fits them yet), two of them for request C once approved. */
const POOL_OCCUPATIONS = ['9313', '9313', '7115', '7212', '8322'];

function actorOf(world: DemoWorld, key: string): ActionContext {
  return { actor: { system: 'demo-seed' }, requestId: `demo-recruitment-${key}-${world.today}` };
}

async function registerEmployers(trx: Tx, context: ActionContext, world: DemoWorld): Promise<void> {
  const specs = [
    {
      key: 'employer_1',
      legalName: 'ООО «УралСтройМонтаж»',
      inn: completeInn10('667101234'),
      ogrn: completeOgrn('102660123456'),
      kpp: '667101001',
      region: 'RU-SVE',
      address: 'г. Екатеринбург, ул. Малышева, д. 51',
    },
    {
      key: 'employer_2',
      legalName: 'АО «Казань АгроКомплекс»',
      inn: completeInn10('165502345'),
      ogrn: completeOgrn('105160023456'),
      kpp: '165501001',
      region: 'RU-TA',
      address: 'г. Казань, ул. Петербургская, д. 28',
    },
  ];
  for (const spec of specs) {
    const org = world.organizations.get(spec.key);
    if (!org) continue;
    await saveRegistration(trx, context, org.id, {
      legalForm: 'organization',
      legalName: spec.legalName,
      inn: spec.inn,
      ogrn: spec.ogrn,
      kpp: spec.kpp,
      region: spec.region,
      address: spec.address,
    });
    await trx.updateTable('employers').set({ status: 'verified', verified_at: new Date() }).where('organization_id', '=', org.id).execute();
    await audit(trx, context, { type: 'employer.verified', entityType: 'employer', entityId: org.id, data: {} });
  }
}

async function registerPendingEmployer(trx: Tx, context: ActionContext, world: DemoWorld, passwordHash: string): Promise<void> {
  const [account] = DEMO_RECRUITMENT_ACCOUNTS;
  if (!account) return;
  const id = await createOrganization(trx, context, { kind: 'employer', name: account.organization, country: 'RU' });
  world.organizations.set('employer_3', { id, kind: 'employer', name: account.organization });
  await createUser(
    trx,
    context,
    { email: account.email, displayName: 'Olga Lebedeva', role: 'employer', password: world.password, organizationId: id, locale: 'ru' },
    passwordHash,
  );
  world.accounts.push(account);
  await saveRegistration(trx, context, id, {
    legalForm: 'organization',
    legalName: 'ООО «ВолгаСтрой»',
    inn: completeInn10('631503456'),
    ogrn: completeOgrn('106631503456'),
    kpp: '631501001',
    region: 'RU-SAM',
    address: 'г. Самара, ул. Ново-Садовая, д. 106',
  });
}

async function insertRequest(
  trx: Tx,
  context: ActionContext,
  world: DemoWorld,
  key: string,
  spec: DemoRequest,
  seats: number,
  startOn: string,
): Promise<string> {
  const employer = world.organizations.get(spec.employer);
  if (!employer) throw new Error(`demo employer ${spec.employer} missing`);
  const row = await trx
    .insertInto('labour_requests')
    .values({
      employer_organization_id: employer.id,
      occupation: spec.occupation,
      region: spec.region,
      sector: spec.sector,
      seats,
      wage_rub: spec.wageRub,
      hours_per_week: 40,
      housing: spec.housing,
      contract_months: 12,
      start_on: startOn,
      min_skill_level: 1,
      min_russian_level: 1,
      min_experience_years: spec.occupation === '7112' ? 2 : 0,
      duties: spec.duties,
      status: 'submitted',
      decision_reason: null,
      decided_by_user_id: null,
      decided_at: null,
      request_id: `demo-request-${key}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    type: 'labour_request.submitted',
    entityType: 'labour_request',
    entityId: row.id,
    data: { occupation: spec.occupation, region: spec.region, seats },
  });
  if (spec.approved) {
    const year = Number(startOn.slice(0, 4));
    await consumeQuota(trx, { year, region: spec.region, occupation: spec.occupation, seats });
    await trx.updateTable('labour_requests').set({ status: 'approved', decided_at: new Date() }).where('id', '=', row.id).execute();
    await audit(trx, context, { type: 'labour_request.approved', entityType: 'labour_request', entityId: row.id, data: { seats, year } });
  }
  return row.id;
}

async function setQuotas(
  trx: Tx,
  context: ActionContext,
  quotas: ReadonlyArray<{ year: number; region: string; occupation: string; total: number }>,
): Promise<void> {
  for (const q of quotas) {
    await trx
      .insertInto('quotas')
      .values(q)
      .onConflict((oc) => oc.columns(['year', 'region', 'occupation']).doUpdateSet({ total: q.total }))
      .execute();
    await audit(trx, context, { type: 'quota.set', entityType: 'quota', entityId: `${q.year}:${q.region}:${q.occupation}`, data: q });
  }
}

async function saveProfile(trx: Tx, caseId: string, occupation: string, regions: string[], experience: number): Promise<void> {
  await trx
    .insertInto('candidate_profiles')
    .values({
      case_id: caseId,
      occupation,
      skill_level: occupation.startsWith('9') ? 1 : 2,
      russian_level: 2,
      experience_years: experience,
      skills: JSON.stringify(
        occupation === '7112' ? ['brickwork', 'plastering'] : occupation === '9211' ? ['harvesting', 'irrigation'] : ['general construction'],
      ),
      preferred_regions: JSON.stringify(regions),
    })
    .execute();
}

interface DemoCase {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly employerId: string | null;
}

/**
 * Recruitment for the demo, consistent with the demo cases: verified employers with their requests and
 * quotas, candidate profiles, a real optimal matching run over the current round's candidates, published as
 * shortlists, the selections and offers of the cases that reached `selected` and `offered`, and a bilingual
 * contract signed by both sides for every case that reached `contracted` or beyond.
 */
export async function seedRecruitmentDemo(trx: Tx, world: DemoWorld, passwordHash: string): Promise<void> {
  const context = actorOf(world, 'seed');
  await registerEmployers(trx, context, world);
  await registerPendingEmployer(trx, context, world, passwordHash);
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'status', 'employer_organization_id'])
    .where(
      'id',
      'in',
      world.applicants.map((a) => a.caseId),
    )
    .execute();
  const cases: DemoCase[] = rows.map((r) => ({ caseId: r.id, status: r.status, employerId: r.employer_organization_id }));
  const employerKey = (id: string | null) =>
    ([...world.organizations.entries()].find(([, o]) => o.id === id)?.[0] ?? 'employer_1') as 'employer_1' | 'employer_2';
  const current = cases.filter((c) => ['selected', 'offered', 'contracted'].includes(c.status));
  const shortlisted = cases.filter((c) => c.status === 'shortlisted');
  const past = cases.filter((c) => PAST_ROUND_STATUSES.includes(c.status));

  const startOf = (spec: DemoRequest) => addDays(world.today, spec.startInDays);
  const years = new Set(Object.values(CURRENT).map((spec) => Number(startOf(spec).slice(0, 4))));
  const quotas = [...years].flatMap((year) => [
    { year, region: 'RU-SVE', occupation: '7112', total: 30 },
    { year, region: 'RU-TA', occupation: '9211', total: 20 },
    { year, region: 'RU-SVE', occupation: '9313', total: 12 },
    { year, region: 'RU-TA', occupation: '8341', total: 4 },
  ]);
  const pastStart = addDays(world.today, -120);
  const pastYear = Number(pastStart.slice(0, 4));
  await setQuotas(trx, context, [
    ...quotas,
    { year: pastYear, region: 'RU-SVE', occupation: '7112', total: 25 },
    { year: pastYear, region: 'RU-TA', occupation: '9211', total: 15 },
  ]);

  const seatsFor = (employer: string) => current.filter((c) => employerKey(c.employerId) === employer).length;
  const requests = {
    A: await insertRequest(trx, context, world, 'A', CURRENT.A, seatsFor('employer_1') + shortlisted.length + 1, startOf(CURRENT.A)),
    B: await insertRequest(trx, context, world, 'B', CURRENT.B, seatsFor('employer_2') + 2, startOf(CURRENT.B)),
  };
  await insertRequest(trx, context, world, 'C', CURRENT.C, 6, startOf(CURRENT.C));
  await insertRequest(trx, context, world, 'D', CURRENT.D, 2, startOf(CURRENT.D));
  const pastSeats = (employer: string) => Math.max(1, past.filter((c) => employerKey(c.employerId) === employer).length);
  const pastRequests = {
    employer_1: await insertRequest(trx, context, world, 'P1', { ...CURRENT.A, startInDays: -120 }, pastSeats('employer_1'), pastStart),
    employer_2: await insertRequest(trx, context, world, 'P2', { ...CURRENT.B, startInDays: -120 }, pastSeats('employer_2'), pastStart),
  };

  // Profiles: each chosen candidate fits his employer's request; the shortlisted fit request A; the pool states other trades.
  const profileFor = (employer: 'employer_1' | 'employer_2') =>
    employer === 'employer_1' ? { occupation: '7112', regions: ['RU-SVE', 'RU-MOS'] } : { occupation: '9211', regions: ['RU-TA'] };
  for (const c of [...current, ...past]) {
    const p = profileFor(employerKey(c.employerId));
    await saveProfile(trx, c.caseId, p.occupation, p.regions, 4);
  }
  for (const c of shortlisted) await saveProfile(trx, c.caseId, '7112', ['RU-SVE'], 3);
  const pool = cases.filter((c) => c.status === 'in_pool');
  for (const [i, c] of pool.entries())
    await saveProfile(trx, c.caseId, POOL_OCCUPATIONS[i % POOL_OCCUPATIONS.length] as string, i < 2 ? ['RU-SVE'] : [], 2 + i);

  const entries = await runDemoMatching(trx, context, [...current, ...shortlisted], [requests.A, requests.B]);
  await recordSelections(trx, context, world, current, entries);
  await recordPastContracts(trx, context, world, past, (c) => pastRequests[employerKey(c.employerId)]);
}

/** The run the agency made before the selections: solved for real over the candidates of that moment. */
async function runDemoMatching(
  trx: Tx,
  context: ActionContext,
  candidates: DemoCase[],
  requestIds: string[],
): Promise<Map<string, { entryId: string; requestId: string; seatNo: number }>> {
  const profiles = await trx
    .selectFrom('candidate_profiles')
    .selectAll()
    .where(
      'case_id',
      'in',
      candidates.map((c) => c.caseId),
    )
    .orderBy('case_id')
    .execute();
  const requests = await trx.selectFrom('labour_requests').selectAll().where('id', 'in', requestIds).orderBy('id').execute();
  const instance: matching.MatchInstance = {
    candidates: profiles.map((p) => ({
      id: p.case_id,
      occupation: p.occupation.trim(),
      skillLevel: p.skill_level,
      russianLevel: p.russian_level,
      experienceYears: p.experience_years,
      waitingDays: 20,
      preferredRegions: p.preferred_regions,
    })),
    vacancies: requests.map((r) => ({
      id: r.id,
      employerId: r.employer_organization_id,
      occupation: r.occupation.trim(),
      region: r.region,
      seats: r.seats,
      minSkillLevel: r.min_skill_level,
      minRussianLevel: r.min_russian_level,
      minExperienceYears: r.min_experience_years,
    })),
    quotas: [],
  };
  const result = matching.solveAssignment(instance);
  const shortlists = matching.buildShortlists(instance, result, matching.DEFAULT_POLICY);
  const run = await trx
    .insertInto('match_runs')
    .values({
      status: 'done',
      policy: JSON.stringify(matching.DEFAULT_POLICY),
      requested_by_user_id: null,
      request_id: 'demo-run-1',
      job_id: null,
      candidates: instance.candidates.length,
      vacancies: instance.vacancies.length,
      seats: instance.vacancies.reduce((n, v) => n + v.seats, 0),
      assigned: result.assigned,
      objective: result.objective,
      edges: result.edges,
      duration_ms: 1,
      error: null,
      published_at: new Date(Date.now() - 20 * 86_400_000),
      published_by_user_id: null,
      created_at: new Date(Date.now() - 21 * 86_400_000),
      finished_at: new Date(Date.now() - 21 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const byCase = new Map<string, { entryId: string; requestId: string; seatNo: number }>();
  for (const e of shortlists) {
    const candidate = instance.candidates[e.candidate] as matching.MatchCandidate;
    const vacancy = instance.vacancies[e.vacancy] as matching.MatchVacancy;
    const row = await trx
      .insertInto('match_run_entries')
      .values({
        run_id: run.id,
        labour_request_id: vacancy.id,
        seat_no: e.seat,
        case_id: candidate.id,
        position: e.position,
        weight: e.weight,
        reasons: JSON.stringify(matching.fitReasons(candidate, vacancy)),
        status: 'proposed',
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (e.position === 1) byCase.set(candidate.id, { entryId: row.id, requestId: vacancy.id, seatNo: e.seat });
  }
  await audit(trx, context, {
    type: 'match_run.finished',
    entityType: 'match_run',
    entityId: run.id,
    data: { assigned: result.assigned, objective: result.objective },
  });
  await audit(trx, context, {
    type: 'match_run.published',
    entityType: 'match_run',
    entityId: run.id,
    data: { proposed: shortlists.length, shortlisted: candidates.length, returned: 0 },
  });
  return byCase;
}

/** Selections, sent offers, and contracts signed by both sides, as the demo cases' histories say. */
async function recordSelections(
  trx: Tx,
  context: ActionContext,
  world: DemoWorld,
  current: DemoCase[],
  entries: Map<string, { entryId: string; requestId: string; seatNo: number }>,
): Promise<void> {
  for (const c of current) {
    const entry = entries.get(c.caseId);
    if (!entry) throw new Error('demo: a chosen candidate was not assigned by the demo run');
    await trx.updateTable('match_run_entries').set({ status: 'selected', decided_at: new Date() }).where('id', '=', entry.entryId).execute();
    const status = c.status === 'selected' ? 'selected' : c.status === 'offered' ? 'offered' : 'accepted';
    const sentAt = status === 'selected' ? null : new Date(Date.now() - 3 * 86_400_000);
    const offerId = await insertOffer(trx, c, entry.requestId, entry.seatNo, entry.entryId, status, sentAt);
    await audit(trx, context, {
      type: 'offer.selected',
      entityType: 'offer',
      entityId: offerId,
      data: { labourRequestId: entry.requestId, seatNo: entry.seatNo },
    });
    if (status === 'offered') {
      const deadline = new Date((sentAt as Date).getTime() + 7 * 86_400_000);
      await enqueue(trx, 'recruitment.offer_expiry', { offerId }, { runAt: deadline, dedupeKey: `offer_expiry:${offerId}` });
      await audit(trx, context, { type: 'offer.sent', entityType: 'offer', entityId: offerId, data: {} });
    }
    if (status === 'accepted') await signDemoContract(trx, context, world, offerId);
  }
}

async function insertOffer(
  trx: Tx,
  c: DemoCase,
  requestId: string,
  seatNo: number,
  entryId: string | null,
  status: 'selected' | 'offered' | 'accepted',
  sentAt: Date | null,
): Promise<string> {
  const r = await trx.selectFrom('labour_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
  const e = await trx.selectFrom('employers').selectAll().where('organization_id', '=', r.employer_organization_id).executeTakeFirstOrThrow();
  const org = await trx.selectFrom('organizations').select('name').where('id', '=', r.employer_organization_id).executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('offers')
    .values({
      case_id: c.caseId,
      labour_request_id: requestId,
      seat_no: seatNo,
      entry_id: entryId,
      status,
      terms: JSON.stringify({
        occupation: r.occupation.trim(),
        region: r.region,
        sector: r.sector,
        wageRub: r.wage_rub,
        hoursPerWeek: r.hours_per_week,
        housing: r.housing,
        contractMonths: r.contract_months,
        startOn: r.start_on,
        duties: r.duties,
        employerName: org.name,
        employerLegalName: e.legal_name,
        employerInn: e.inn,
        employerOgrn: e.ogrn,
        employerKpp: e.kpp,
        employerAddress: e.address,
      }),
      deadline_at: sentAt ? new Date(sentAt.getTime() + 7 * 86_400_000) : null,
      sent_at: sentAt,
      answered_at: status === 'accepted' ? new Date(Date.now() - 2 * 86_400_000) : null,
      request_id: `demo-offer-${c.caseId}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Generate the contract and record both signatures; the worker's own account signs where he has one. */
async function signDemoContract(trx: Tx, context: ActionContext, world: DemoWorld, offerId: string): Promise<void> {
  const contractId = await createContractForOffer(trx, offerId);
  const contract = await trx
    .selectFrom('contracts')
    .select(['sha256', 'case_id', 'employer_organization_id'])
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  const worker = world.applicants.find((a) => a.caseId === contract.case_id);
  const employerUser = await trx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', contract.employer_organization_id)
    .orderBy('created_at')
    .executeTakeFirst();
  for (const [party, userId] of [
    ['worker', worker?.userId ?? null],
    ['employer', employerUser?.id ?? null],
  ] as const) {
    await trx
      .insertInto('contract_signatures')
      .values({
        contract_id: contractId,
        party,
        user_id: userId,
        document_sha256: contract.sha256,
        channel: 'import',
        client_key: null,
        signed_at: new Date(Date.now() - 86_400_000),
      })
      .execute();
    await audit(trx, context, { type: 'contract.signed_by', entityType: 'contract', entityId: contractId, data: { party, sha256: contract.sha256 } });
  }
  await trx
    .updateTable('contracts')
    .set({ status: 'signed', signed_at: new Date(Date.now() - 86_400_000) })
    .where('id', '=', contractId)
    .execute();
  await trx.updateTable('offers').set({ status: 'contracted' }).where('id', '=', offerId).execute();
  await audit(trx, context, { type: 'contract.completed', entityType: 'contract', entityId: contractId, data: { sha256: contract.sha256 } });
}

/** Workers of the previous round went through the same steps before they departed. */
async function recordPastContracts(trx: Tx, context: ActionContext, world: DemoWorld, past: DemoCase[], requestOf: (c: DemoCase) => string): Promise<void> {
  const seat = new Map<string, number>();
  for (const c of past) {
    const requestId = requestOf(c);
    const seatNo = (seat.get(requestId) ?? 0) + 1;
    seat.set(requestId, seatNo);
    const offerId = await insertOffer(trx, c, requestId, seatNo, null, 'accepted', new Date(Date.now() - 150 * 86_400_000));
    await signDemoContract(trx, context, world, offerId);
  }
}
