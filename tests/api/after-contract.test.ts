import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayIn } from '../../src/platform/calendar';
import { pathToStatus } from '../../src/modules/journey';
import { paidThrough } from '../../src/modules/journey/patent.service';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createVerifiedEmployer } from '../support/recruitment-factories';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD, type TestUser } from '../support/factories';

let t: TestApp;
let roundId: string;
let agency: Session;
let labour: Session;
let office: Session;
let employerUser: TestUser;
let employer: Session;
/** Dates as the server sees them: departures in Dushanbe, patents in Moscow. */
const today = () => todayIn('Europe/Moscow');
const dushanbeToday = () => todayIn('Asia/Dushanbe');

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  agency = await signInAs(t.server, (await createOfficial(t.db, 'origin_agency')).email, TEST_PASSWORD);
  labour = await signInAs(t.server, (await createOfficial(t.db, 'destination_agency')).email, TEST_PASSWORD);
  office = await signInAs(t.server, (await createOfficial(t.db, 'consular_office')).email, TEST_PASSWORD);
  employerUser = await createOfficial(t.db, 'employer');
  employer = await signInAs(t.server, employerUser.email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('paidThrough', () => {
  test('counts months from the issue date, clamping to month ends', () => {
    expect(paidThrough('2026-11-20', 1)).toBe('2026-12-19');
    expect(paidThrough('2026-01-31', 1)).toBe('2026-02-27');
    expect(paidThrough('2028-01-31', 1)).toBe('2028-02-28');
    expect(paidThrough('2026-11-20', 3)).toBe('2027-02-19');
  });
});

describe('travel groups', () => {
  test('contracted workers depart together on the group date; others are refused with the row that is wrong', async () => {
    const a = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    const b = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    const notYet = await createApplicant(t.db, roundId, pathToStatus('offered'));
    const date = addDays(dushanbeToday(), 3);
    const created = await call(t.server, agency, 'POST', '/api/travel-groups', {
      corridorCode: 'TJ-RU',
      name: 'Yekaterinburg 14',
      departureDate: date,
      route: 'DYU → SVX, flight 7J 1843',
    });
    expect(created.status).toBe(201);
    const bad = await call(t.server, agency, 'POST', `/api/travel-groups/${created.body.id}/members`, { caseIds: [a.caseId, notYet.caseId] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'caseIds.1', code: 'status' })]);
    expect((await call(t.server, agency, 'POST', `/api/travel-groups/${created.body.id}/members`, { caseIds: [a.caseId, b.caseId] })).status).toBe(204);
    const worker = await signInAs(t.server, a.email, TEST_PASSWORD);
    expect((await call(t.server, worker, 'GET', `/api/cases/${a.caseId}/travel`)).body.group).toMatchObject({ name: 'Yekaterinburg 14', departureDate: date });
    const kase = await call(t.server, worker, 'GET', `/api/cases/${a.caseId}`);
    expect(kase.body.nextStep).toMatchObject({ code: 'prepare_departure', deadline: { kind: 'departure', dueOn: date, daysLeft: expect.any(Number) } });
  });

  test('departing a group whose date has come moves every member', async () => {
    const a = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    const created = await call(t.server, agency, 'POST', '/api/travel-groups', {
      corridorCode: 'TJ-RU',
      name: 'Kazan 3',
      departureDate: addDays(dushanbeToday(), 1),
      route: 'DYU → KZN',
    });
    await call(t.server, agency, 'POST', `/api/travel-groups/${created.body.id}/members`, { caseIds: [a.caseId] });
    // The group's date is tomorrow in Dushanbe: departing today would be a date in the future.
    const early = await call(t.server, agency, 'POST', `/api/travel-groups/${created.body.id}/depart`);
    expect(early.status).toBe(422);
    await t.db
      .updateTable('travel_groups')
      .set({ departure_date: addDays(dushanbeToday(), -1) })
      .where('id', '=', created.body.id)
      .execute();
    const departed = await call(t.server, agency, 'POST', `/api/travel-groups/${created.body.id}/depart`);
    expect(departed.body).toEqual({ departed: 1 });
    const row = await t.db.selectFrom('cases').select(['status', 'departed_on']).where('id', '=', a.caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'departed', departed_on: addDays(dushanbeToday(), -1) });
  });
});

describe('POST /api/cases/:id/patent', () => {
  test('records the patent and its first payment, moves the case to permitted, and sets the payment deadline', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('arrived'), { employerOrganizationId: employerUser.organizationId ?? undefined });
    const arrived = addDays(today(), -20);
    await t.db.updateTable('cases').set({ arrived_on: arrived }).where('id', '=', applicant.caseId).execute();
    const issued = addDays(today(), -5);
    const res = await call(t.server, employer, 'POST', `/api/cases/${applicant.caseId}/patent`, {
      number: '66 2612345678',
      region: 'RU-SVE',
      issuedOn: issued,
      firstPayment: { months: 1, amountRub: 9178, paidOn: issued },
      requestId: 'patent-1',
    });
    expect(res.status).toBe(200);
    expect(res.body.patent).toMatchObject({ number: '66 2612345678', region: 'RU-SVE', paidThrough: paidThrough(issued, 1) });
    const worker = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const kase = await call(t.server, worker, 'GET', `/api/cases/${applicant.caseId}`);
    expect(kase.body.status).toBe('permitted');
    expect(kase.body.deadlines).toEqual([expect.objectContaining({ kind: 'patent_payment', dueOn: paidThrough(issued, 1) })]);
    const paid = await call(t.server, worker, 'POST', `/api/cases/${applicant.caseId}/patent/payments`, {
      months: 2,
      amountRub: 18356,
      paidOn: today(),
      requestId: 'patent-pay-2',
    });
    expect(paid.body.patent.paidThrough).toBe(paidThrough(issued, 3));
    expect(
      (
        await call(t.server, worker, 'POST', `/api/cases/${applicant.caseId}/patent/payments`, {
          months: 2,
          amountRub: 18356,
          paidOn: today(),
          requestId: 'patent-pay-2',
        })
      ).body.patent.payments,
    ).toHaveLength(2);
  });

  test('refuses a patent issued before arrival, and a second patent', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('arrived'));
    await t.db
      .updateTable('cases')
      .set({ arrived_on: addDays(today(), -3) })
      .where('id', '=', applicant.caseId)
      .execute();
    const before = await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/patent`, {
      number: '77 1234567',
      region: 'RU-MOW',
      issuedOn: addDays(today(), -10),
      firstPayment: { months: 1, amountRub: 9000, paidOn: today() },
      requestId: 'patent-early',
    });
    expect(before).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ path: 'issuedOn', code: 'before_arrival' })] } });
    expect(
      (
        await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/patent`, {
          number: '77 1234567',
          region: 'RU-MOW',
          issuedOn: today(),
          firstPayment: { months: 1, amountRub: 9000, paidOn: today() },
          requestId: 'patent-ok',
        })
      ).status,
    ).toBe(200);
    const again = await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/patent`, {
      number: '77 7654321',
      region: 'RU-MOW',
      issuedOn: today(),
      firstPayment: { months: 1, amountRub: 9000, paidOn: today() },
      requestId: 'patent-twice',
    });
    expect(again.status).toBe(409);
  });
});

describe('transfers between employers', () => {
  test('need the consent of both agencies; then the case moves to the new employer', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('employed'), { employerOrganizationId: employerUser.organizationId ?? undefined });
    const pending = await createVerifiedEmployer(t.db, { verified: false });
    const refusedTarget = await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/transfers`, {
      toOrganizationId: pending.organizationId,
      reason: 'To an employer not yet verified.',
      requestId: 'transfer-unverified',
    });
    expect(refusedTarget.status).toBe(422);
    expect(refusedTarget.body.errors).toEqual([expect.objectContaining({ path: 'toOrganizationId', code: 'employer_pending' })]);
    // The office chooses among verified employers.
    const directory = await call(t.server, office, 'GET', '/api/employers/directory');
    const newEmployer = (await createVerifiedEmployer(t.db)).organizationId as string;
    expect((await call(t.server, office, 'GET', '/api/employers/directory')).body.items).toHaveLength(directory.body.items.length + 1);
    const requested = await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/transfers`, {
      toOrganizationId: newEmployer,
      reason: 'Wages unpaid for two months; a new employer offers the same terms.',
      requestId: 'transfer-1',
    });
    expect(requested.status).toBe(201);
    expect(
      (
        await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/transfers`, {
          toOrganizationId: newEmployer,
          reason: 'Second request at once.',
          requestId: 'transfer-2',
        })
      ).status,
    ).toBe(409);
    expect((await call(t.server, agency, 'POST', `/api/transfers/${requested.body.id}/decision`, { decision: 'consent' })).body.status).toBe('pending');
    expect((await call(t.server, agency, 'POST', `/api/transfers/${requested.body.id}/decision`, { decision: 'consent' })).status).toBe(409);
    expect((await call(t.server, labour, 'POST', `/api/transfers/${requested.body.id}/decision`, { decision: 'consent' })).body.status).toBe('approved');
    const row = await t.db.selectFrom('cases').select(['status', 'employer_organization_id']).where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'employed', employer_organization_id: newEmployer });
    expect((await call(t.server, employer, 'GET', `/api/cases/${applicant.caseId}`)).status).toBe(404);
    const action = await t.db
      .selectFrom('case_actions')
      .select('action')
      .where('case_id', '=', applicant.caseId)
      .where('action', '=', 'transfer_employer')
      .execute();
    expect(action).toHaveLength(1);
  });

  test('one refusal ends the request', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('employed'), { employerOrganizationId: employerUser.organizationId ?? undefined });
    const newEmployer = (await createVerifiedEmployer(t.db)).organizationId as string;
    const requested = await call(t.server, office, 'POST', `/api/cases/${applicant.caseId}/transfers`, {
      toOrganizationId: newEmployer,
      reason: 'The worker asked to move.',
      requestId: 'transfer-3',
    });
    expect((await call(t.server, labour, 'POST', `/api/transfers/${requested.body.id}/decision`, { decision: 'refuse' })).body.status).toBe('refused');
    const row = await t.db.selectFrom('cases').select('employer_organization_id').where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(row.employer_organization_id).toBe(employerUser.organizationId);
  });
});
