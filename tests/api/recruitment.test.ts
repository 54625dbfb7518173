import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drainJobs } from '../../src/platform/jobs/queue';
import { expireOffer } from '../../src/modules/recruitment';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createCorridorAndRound, createOfficial, TEST_PASSWORD, type TestUser } from '../support/factories';
import { createApprovedRequest, createPoolCandidate, createVerifiedEmployer, ensureTrustRoot, requestInput } from '../support/recruitment-factories';

let t: TestApp;
let roundId: string;
let origin: Session;
let destination: Session;
let employer: TestUser;
let employerSession: Session;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  origin = await signInAs(t.server, (await createOfficial(t.db, 'origin_agency')).email, TEST_PASSWORD);
  destination = await signInAs(t.server, (await createOfficial(t.db, 'destination_agency')).email, TEST_PASSWORD);
  employer = await createVerifiedEmployer(t.db);
  employerSession = await signInAs(t.server, employer.email, TEST_PASSWORD);
  await ensureTrustRoot(t.db, t.config);
});
afterAll(() => t.close());

async function runAndPublish(): Promise<string> {
  const run = await call(t.server, origin, 'POST', '/api/recruitment/runs', { requestId: `run-${Date.now()}-${Math.random()}` });
  expect(run.status).toBe(200);
  await drainJobs(t.db);
  const done = await call(t.server, origin, 'GET', `/api/recruitment/runs/${run.body.id}`);
  expect(done.body.run.status).toBe('done');
  const published = await call(t.server, origin, 'POST', `/api/recruitment/runs/${run.body.id}/publish`);
  expect(published.status).toBe(200);
  return run.body.id as string;
}

describe('PUT /api/employers/me', () => {
  test('refuses wrong check digits with the field and reason, and writes nothing', async () => {
    const user = await createOfficial(t.db, 'employer');
    const session = await signInAs(t.server, user.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'PUT', '/api/employers/me', {
      legalForm: 'organization',
      legalName: 'OOO Wrong',
      inn: '7707083894',
      ogrn: '1027700132195',
      kpp: '773601001',
      region: 'RU-MOW',
      address: 'Moscow, Tverskaya 1',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'employer.invalid', errors: [{ path: 'body.inn', code: 'check_digit' }] });
    expect(
      await t.db
        .selectFrom('employers')
        .select('inn')
        .where('organization_id', '=', user.organizationId ?? '')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  test('registers, then the destination agency verifies (audited) and can suspend with a reason', async () => {
    const user = await createOfficial(t.db, 'employer');
    const session = await signInAs(t.server, user.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'PUT', '/api/employers/me', {
      legalForm: 'organization',
      legalName: 'PAO Sberbank',
      inn: '7707083893',
      ogrn: '1027700132195',
      kpp: '773601001',
      region: 'RU-MOW',
      address: 'Moscow, Vavilova 19',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('pending');
    const submitted = await call(t.server, session, 'POST', '/api/labour-requests', requestInput());
    expect(submitted.status).toBe(409);
    expect(submitted.body.code).toBe('employer.unverified.conflict');
    const verified = await call(t.server, destination, 'POST', `/api/employers/${user.organizationId}/verify`);
    expect(verified.body.status).toBe('verified');
    const noReason = await call(t.server, destination, 'POST', `/api/employers/${user.organizationId}/suspend`, {});
    expect(noReason.status).toBe(422);
    const suspended = await call(t.server, destination, 'POST', `/api/employers/${user.organizationId}/suspend`, {
      reason: 'Wage arrears found by inspection',
    });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Wage arrears found by inspection' });
    const events = await t.db
      .selectFrom('audit_events')
      .select('event_type')
      .where('entity_id', '=', user.organizationId ?? '')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.event_type)).toEqual(['organization.created', 'employer.registered', 'employer.verified', 'employer.suspended']);
    const other = await call(t.server, employerSession, 'GET', `/api/employers/${user.organizationId}`);
    expect(other.status).toBe(404);
  });
});

describe('POST /api/labour-requests', () => {
  test('refuses a wage below the regional minimum and an unknown occupation, precisely', async () => {
    const low = await call(t.server, employerSession, 'POST', '/api/labour-requests', requestInput({ region: 'RU-MOW', wageRub: 30_000 }));
    expect(low.status).toBe(422);
    expect(low.body).toMatchObject({ code: 'labour_request.wage_below_minimum.invalid', errors: [{ path: 'body.wageRub', code: 'below_minimum' }] });
    expect(low.body.minimumWageRub).toBeGreaterThan(30_000);
    const unknown = await call(t.server, employerSession, 'POST', '/api/labour-requests', requestInput({ occupation: '7119x'.slice(0, 4).replace('9', '0') }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'body.occupation', code: 'unknown_occupation' })]);
  });

  test('approval refuses a barred sector and an exhausted quota, and consumes the quota otherwise', async () => {
    const banned = await call(t.server, employerSession, 'POST', '/api/labour-requests', requestInput({ sector: '49.32', occupation: '8322' }));
    expect(banned.status).toBe(200);
    const refused = await call(t.server, destination, 'POST', `/api/labour-requests/${banned.body.id}/decision`, { decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('labour_request.sector_banned.conflict');
    const input = requestInput({ occupation: '7115', seats: 3 });
    const year = Number(input.startOn.slice(0, 4));
    expect((await call(t.server, destination, 'PUT', '/api/quotas', { year, region: 'RU-SVE', occupation: '7115', total: 4 })).status).toBe(200);
    const first = await call(t.server, employerSession, 'POST', '/api/labour-requests', input);
    const second = await call(t.server, employerSession, 'POST', '/api/labour-requests', requestInput({ occupation: '7115', seats: 2 }));
    expect((await call(t.server, destination, 'POST', `/api/labour-requests/${first.body.id}/decision`, { decision: 'approve' })).body.status).toBe('approved');
    const exhausted = await call(t.server, destination, 'POST', `/api/labour-requests/${second.body.id}/decision`, { decision: 'approve' });
    expect(exhausted.status).toBe(409);
    expect(exhausted.body).toMatchObject({ code: 'labour_request.quota_exhausted.conflict', remaining: 1, requested: 2 });
    expect((await call(t.server, employerSession, 'GET', `/api/labour-requests/${second.body.id}`)).body.status).toBe('submitted');
    const quotas = await call(t.server, destination, 'GET', `/api/quotas?year=${year}`);
    expect(quotas.body.items).toContainEqual(expect.objectContaining({ region: 'RU-SVE', occupation: '7115', total: 4, used: 3 }));
    const lowered = await call(t.server, destination, 'PUT', '/api/quotas', { year, region: 'RU-SVE', occupation: '7115', total: 2 });
    expect(lowered.status).toBe(409);
  });
});

describe('matching, selection, offers and the contract', () => {
  test('runs the optimal matching, publishes shortlists, and carries a selection through both signatures', async () => {
    const requestId = await createApprovedRequest(t.db, employer, { occupation: '7212', seats: 1, minExperienceYears: 2 });
    const strong = await createPoolCandidate(t.db, roundId, { occupation: '7212', experienceYears: 6 });
    const alternate = await createPoolCandidate(t.db, roundId, { occupation: '7212', experienceYears: 3, preferredRegions: ['RU-TA', 'RU-SVE'] });
    const unfit = await createPoolCandidate(t.db, roundId, { occupation: '7212', experienceYears: 0 });
    await runAndPublish();
    const shortlist = await call(t.server, employerSession, 'GET', `/api/labour-requests/${requestId}/shortlist`);
    expect(shortlist.status).toBe(200);
    const entries = shortlist.body.items.filter((e: { status: string }) => e.status === 'proposed');
    expect(entries.map((e: { caseId: string; position: number }) => [e.caseId, e.position])).toEqual([
      [strong.caseId, 1],
      [alternate.caseId, 2],
    ]);
    expect(entries[1].reasons).toMatchObject({ preferenceRank: 2, experienceYears: 3, minExperienceYears: 2 });
    expect((await t.db.selectFrom('cases').select('status').where('id', '=', unfit.caseId).executeTakeFirstOrThrow()).status).toBe('in_pool');

    const selected = await call(t.server, employerSession, 'POST', `/api/shortlist-entries/${entries[0].id}/select`, { requestId: 'select-strong-1' });
    expect(selected.status).toBe(200);
    expect(selected.body).toMatchObject({ status: 'selected', deadlineAt: null, terms: { wageRub: 65_000, region: 'RU-SVE', housing: 'free' } });
    expect((await t.db.selectFrom('cases').select('status').where('id', '=', strong.caseId).executeTakeFirstOrThrow()).status).toBe('selected');
    const sent = await call(t.server, origin, 'POST', `/api/offers/${selected.body.id}/send`);
    expect(sent.body).toMatchObject({ status: 'offered' });
    expect(Date.parse(sent.body.deadlineAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect((await call(t.server, origin, 'POST', `/api/offers/${selected.body.id}/send`)).status).toBe(409);
    const worker = await signInAs(t.server, strong.email, TEST_PASSWORD);
    const offers = await call(t.server, worker, 'GET', '/api/offers');
    expect(offers.body.items).toHaveLength(1);
    const accepted = await call(t.server, worker, 'POST', `/api/offers/${selected.body.id}/accept`);
    expect(accepted.status).toBe(200);
    const contract = accepted.body.contract;
    expect(contract).toMatchObject({ status: 'awaiting_signatures', signatures: [] });

    const pdf = await t.server.inject({ method: 'GET', url: `/api/contracts/${contract.id}/pdf`, headers: { cookie: worker.cookie } });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const sha256 = createHash('sha256').update(pdf.rawPayload).digest('hex');
    expect(sha256).toBe(contract.sha256);
    expect(pdf.headers['x-content-sha256']).toBe(sha256);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const wrongHash = await call(t.server, worker, 'POST', `/api/contracts/${contract.id}/sign`, { sha256: '0'.repeat(64) });
    expect(wrongHash.status).toBe(409);
    const workerSigned = await call(t.server, worker, 'POST', `/api/contracts/${contract.id}/sign`, { sha256 });
    expect(workerSigned.body.signatures).toEqual([expect.objectContaining({ party: 'worker', channel: 'session' })]);
    expect((await t.db.selectFrom('cases').select('status').where('id', '=', strong.caseId).executeTakeFirstOrThrow()).status).toBe('offered');
    const employerSigned = await call(t.server, employerSession, 'POST', `/api/contracts/${contract.id}/sign`, { sha256 });
    expect(employerSigned.body.status).toBe('signed');
    expect((await t.db.selectFrom('cases').select('status').where('id', '=', strong.caseId).executeTakeFirstOrThrow()).status).toBe('contracted');
    const signature = await t.db
      .selectFrom('contract_signatures')
      .select('client_key')
      .where('contract_id', '=', contract.id)
      .where('party', '=', 'worker')
      .executeTakeFirstOrThrow();
    expect(signature.client_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(signature)).not.toContain('127.0.0.1');
  });

  test('a decline returns the candidate to the pool and the seat to its alternate; expiry does the same', async () => {
    const requestId = await createApprovedRequest(t.db, employer, { occupation: '7411', seats: 1 });
    const first = await createPoolCandidate(t.db, roundId, { occupation: '7411', experienceYears: 8 });
    const second = await createPoolCandidate(t.db, roundId, { occupation: '7411', experienceYears: 2, preferredRegions: ['RU-MOW', 'RU-SVE'] });
    await runAndPublish();
    const list = async () =>
      (await call(t.server, employerSession, 'GET', `/api/labour-requests/${requestId}/shortlist`)).body.items.filter(
        (e: { status: string }) => e.status === 'proposed',
      );
    const [top] = await list();
    const offer = await call(t.server, employerSession, 'POST', `/api/shortlist-entries/${top.id}/select`, { requestId: 'select-decline-1' });
    await call(t.server, origin, 'POST', `/api/offers/${offer.body.id}/send`);
    const worker = await signInAs(t.server, first.email, TEST_PASSWORD);
    const declined = await call(t.server, worker, 'POST', `/api/offers/${offer.body.id}/decline`, { requestId: 'decline-1-request' });
    expect(declined.body.status).toBe('declined');
    expect(await t.db.selectFrom('cases').select(['status', 'employer_organization_id']).where('id', '=', first.caseId).executeTakeFirstOrThrow()).toEqual({
      status: 'in_pool',
      employer_organization_id: null,
    });
    const remaining = await list();
    expect(remaining.map((e: { caseId: string }) => e.caseId)).toEqual([second.caseId]);
    const next = await call(t.server, employerSession, 'POST', `/api/shortlist-entries/${remaining[0].id}/select`, { requestId: 'select-decline-2' });
    expect(next.status).toBe(200);
    await call(t.server, origin, 'POST', `/api/offers/${next.body.id}/send`);
    expect(await expireOffer(t.db, next.body.id)).toBe(false);
    await t.db
      .updateTable('offers')
      .set({ deadline_at: new Date(Date.now() - 1000) })
      .where('id', '=', next.body.id)
      .execute();
    const late = await call(t.server, await signInAs(t.server, second.email, TEST_PASSWORD), 'POST', `/api/offers/${next.body.id}/accept`);
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('offer.expired');
    expect(await expireOffer(t.db, next.body.id)).toBe(true);
    const actions = await t.db
      .selectFrom('case_actions')
      .select(['action', 'actor_role'])
      .where('case_id', '=', second.caseId)
      .where('action', '=', 'expire_offer')
      .execute();
    expect(actions).toEqual([{ action: 'expire_offer', actor_role: 'system:offers' }]);
  });

  test('a worker who withdraws while holding an offer releases it and the seat; a closed shortlisted case leaves the shortlist', async () => {
    const requestId = await createApprovedRequest(t.db, employer, { occupation: '7122', seats: 1 });
    const first = await createPoolCandidate(t.db, roundId, { occupation: '7122', experienceYears: 8 });
    const second = await createPoolCandidate(t.db, roundId, { occupation: '7122', experienceYears: 3, preferredRegions: ['RU-MOW', 'RU-SVE'] });
    await runAndPublish();
    const proposed = async () =>
      (await call(t.server, employerSession, 'GET', `/api/labour-requests/${requestId}/shortlist`)).body.items.filter(
        (e: { status: string }) => e.status === 'proposed',
      );
    const [top, alternate] = await proposed();
    expect(top.caseId).toBe(first.caseId);
    expect(alternate.caseId).toBe(second.caseId);
    const offer = await call(t.server, employerSession, 'POST', `/api/shortlist-entries/${top.id}/select`, { requestId: 'select-withdraw-1' });
    await call(t.server, origin, 'POST', `/api/offers/${offer.body.id}/send`);
    const worker = await signInAs(t.server, first.email, TEST_PASSWORD);
    // While the offer waits, the worker's case shows its answer deadline as the next step's date.
    const waiting = await call(t.server, worker, 'GET', `/api/cases/${first.caseId}`);
    const sent = await t.db.selectFrom('offers').select('deadline_at').where('id', '=', offer.body.id).executeTakeFirstOrThrow();
    const dueOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dushanbe' }).format(sent.deadline_at as Date);
    expect(waiting.body.deadlines).toContainEqual(expect.objectContaining({ kind: 'offer_response', dueOn }));
    expect(waiting.body.nextStep).toMatchObject({ code: 'answer_offer' });
    const withdrawn = await call(t.server, worker, 'POST', `/api/cases/${first.caseId}/actions`, { action: 'withdraw', requestId: 'withdraw-with-offer' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const row = await t.db.selectFrom('offers').select(['status', 'answered_at']).where('id', '=', offer.body.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    expect(row.answered_at).not.toBeNull();
    expect(await expireOffer(t.db, offer.body.id)).toBe(false);
    const events = await t.db.selectFrom('audit_events').select('event_type').where('entity_id', '=', offer.body.id).execute();
    expect(events.map((e) => e.event_type)).toContain('offer.withdrawn');
    // The seat is free for the alternate, who can be selected at once.
    const remaining = await proposed();
    expect(remaining.map((e: { caseId: string }) => e.caseId)).toEqual([second.caseId]);
    // The agency closes the alternate's case while he is shortlisted: he leaves the shortlist.
    const closed = await call(t.server, origin, 'POST', `/api/cases/${second.caseId}/actions`, { action: 'close', reason: 'moved abroad', requestId: 'close-shortlisted' });
    expect(closed.status).toBe(200);
    expect(await proposed()).toEqual([]);
  });

  test('another employer cannot see or select from a shortlist that is not his (404)', async () => {
    const requestId = await createApprovedRequest(t.db, employer, { occupation: '7126', seats: 1 });
    await createPoolCandidate(t.db, roundId, { occupation: '7126' });
    await runAndPublish();
    const stranger = await signInAs(t.server, (await createVerifiedEmployer(t.db)).email, TEST_PASSWORD);
    expect((await call(t.server, stranger, 'GET', `/api/labour-requests/${requestId}/shortlist`)).status).toBe(404);
    const [entry] = (await call(t.server, employerSession, 'GET', `/api/labour-requests/${requestId}/shortlist`)).body.items;
    expect((await call(t.server, stranger, 'POST', `/api/shortlist-entries/${entry.id}/select`, { requestId: 'select-stranger-1' })).status).toBe(404);
  });
});
