import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/app';
import { HEALTH_ROLES, ROLES, type Role } from '../../src/platform/auth/roles';
import { todayIn } from '../../src/platform/calendar';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';
import { makeAppointmentToday, setUpMedical, STANDARD_TESTS, tomorrowInDushanbe } from '../support/medical-factories';

/**
 * DESIGN.md section 5: a medical result never leaves the health roles. This walks every GET route of the
 * whole API, with every id the scenario created in every path parameter, as every role that is not a health
 * role, and asserts that no answer carries a result, a finding or a referral.
 */
const MARKERS = [
  '"positive"',
  '"negative"',
  'tuberculosis',
  'syphilis',
  'leprosy',
  'covid19',
  'referredTo',
  'referred_to',
  'findings',
  'Republican TB',
  '"outcome"',
  'chemical',
];
const REFERRAL = 'Republican TB Control Centre';

let t: TestApp;
let authority: Session;
const ids = new Set<string>();
const sessions: Array<{ label: string; session: Session }> = [];

beforeAll(async () => {
  t = await createTestApp();
  const roundId = await createCorridorAndRound(t.db);
  const setup = await setUpMedical(t.db, t.config);
  const clinic = setup.clinics[0]!;
  authority = await signInAs(t.server, setup.authority.email, TEST_PASSWORD);
  const staff = await signInAs(t.server, clinic.staff.email, TEST_PASSWORD);
  const head = await signInAs(t.server, clinic.head.email, TEST_PASSWORD);
  const employer = await createOfficial(t.db, 'employer');
  const outcomes: Array<'cleared' | 'referred' | 'open'> = ['cleared', 'referred', 'open'];
  for (const outcome of outcomes) {
    const applicant = await createApplicant(t.db, roundId, [], { employerOrganizationId: employer.organizationId ?? undefined });
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    sessions.push({ label: `applicant (${outcome})`, session });
    const booked = await call(t.server, session, 'POST', '/api/medical/appointments', {
      caseId: applicant.caseId,
      day: tomorrowInDushanbe(),
      requestId: `privacy-${applicant.caseId}`,
    });
    const appointmentId = booked.body.appointment.id as string;
    await makeAppointmentToday(t.db, appointmentId);
    const results = STANDARD_TESTS.map((test) => ({ test, outcome: outcome === 'referred' && test === 'tuberculosis' ? 'positive' : 'negative' }));
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results });
    if (outcome !== 'open') {
      const signed = await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, {
        requestId: `privacy-sign-${appointmentId}`,
        referredTo: REFERRAL,
      });
      expect(signed.status).toBe(200);
    }
    for (const id of [applicant.caseId, applicant.personId, applicant.id, appointmentId]) if (id) ids.add(id);
  }
  for (const row of await t.db.selectFrom('medical_exams').select(['id', 'credential_id']).execute()) {
    ids.add(row.id);
    if (row.credential_id) ids.add(row.credential_id);
  }
  ids.add(clinic.id);
  for (const role of ROLES.filter((r) => r !== 'applicant' && !HEALTH_ROLES.includes(r)) as Exclude<Role, 'applicant'>[]) {
    const user = role === 'employer' ? employer : await createOfficial(t.db, role);
    sessions.push({ label: role, session: await signInAs(t.server, user.email, TEST_PASSWORD) });
  }
  sessions.push({ label: 'anonymous', session: undefined as unknown as Session });
}, 120_000);
afterAll(() => t.close());

describe('medical results never reach a non-health role', () => {
  test('the scenario really holds results and a referral (the health roles see them)', async () => {
    const referral = await t.db.selectFrom('medical_referrals').select(['referred_to', 'findings']).executeTakeFirstOrThrow();
    expect(referral).toEqual({ referred_to: REFERRAL, findings: ['tuberculosis'] });
    expect(
      Number(
        (
          await t.db
            .selectFrom('medical_test_results')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(18);
    // The same walk as a health role finds the markers, so the check below can see a leak.
    const referred = await t.db.selectFrom('medical_exams').select('appointment_id').where('status', '=', 'not_cleared').executeTakeFirstOrThrow();
    const exam = await call(t.server, authority, 'GET', `/api/medical/appointments/${referred.appointment_id}/exam`);
    expect(MARKERS.filter((m) => exam.raw.includes(m))).toEqual(expect.arrayContaining(['"positive"', 'tuberculosis', 'referredTo']));
  });

  test('no GET answer of the whole API, for any id, carries a result, finding or referral', async () => {
    const routes = allRoutes(t.app.database, t.config).filter((r) => r.method === 'GET');
    const today = todayIn('Asia/Dushanbe');
    const leaks: string[] = [];
    let answered = 0;
    for (const route of routes) {
      const params = route.url.match(/:[A-Za-z]+/g) ?? [];
      const urls = params.length === 0 ? [route.url] : [...ids].map((id) => route.url.replace(/:[A-Za-z]+/g, id));
      for (const url of urls) {
        for (const { label, session } of sessions) {
          const res = await call(t.server, session, 'GET', `${url}?day=${today}&limit=200`);
          if (res.status === 200) answered += 1;
          const found = MARKERS.filter((m) => res.raw.includes(m));
          if (found.length) leaks.push(`${label} GET ${url} → ${res.status}: ${found.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The walk reached real data: cases, the applicants' medical pages, audit rows, trust lists.
    expect(answered).toBeGreaterThan(40);
  }, 300_000);

  test('verifying the certificate discloses only the allowed claims', async () => {
    const code = (await t.db.selectFrom('credentials').select('code').executeTakeFirstOrThrow()).code;
    const res = await call(t.server, undefined, 'POST', '/api/credentials/verify', { code });
    expect(res.body.status).toBe('valid');
    expect(Object.keys(res.body.credential.claims).sort()).toEqual(['dob', 'name', 'passport', 'procedure', 'result']);
    expect(MARKERS.filter((m) => res.raw.includes(m))).toEqual([]);
  });
});
