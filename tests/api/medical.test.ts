import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../../src/platform/calendar';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, TEST_PASSWORD } from '../support/factories';
import { makeAppointmentToday, setUpMedical, STANDARD_TESTS, tomorrowInDushanbe, type MedicalSetup } from '../support/medical-factories';

let t: TestApp;
let roundId: string;
let setup: MedicalSetup;
let authority: Session;
const knownClinics: MedicalSetup['clinics'] = [];

/** Sessions of the doctor and head physician of the clinic an appointment was allocated to. */
async function clinicSessions(appointmentId: string) {
  const row = await t.db.selectFrom('medical_appointments').select('clinic_id').where('id', '=', appointmentId).executeTakeFirstOrThrow();
  const clinic = knownClinics.find((c) => c.id === row.clinic_id)!;
  return { clinic, staff: await signInAs(t.server, clinic.staff.email, TEST_PASSWORD), head: await signInAs(t.server, clinic.head.email, TEST_PASSWORD) };
}

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  setup = await setUpMedical(t.db, t.config);
  knownClinics.push(...setup.clinics);
  authority = await signInAs(t.server, setup.authority.email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function bookedApplicant() {
  const applicant = await createApplicant(t.db, roundId);
  const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
  const res = await call(t.server, session, 'POST', '/api/medical/appointments', {
    caseId: applicant.caseId,
    day: tomorrowInDushanbe(),
    requestId: `book-${applicant.caseId}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { applicant, session, appointmentId: res.body.appointment.id as string };
}

const negative = STANDARD_TESTS.map((test) => ({ test, outcome: 'negative' }));

async function caseStatus(caseId: string) {
  return (await t.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status;
}

describe('POST /api/medical/appointments', () => {
  test('books a day, allocates a clinic from the published seed, and moves the case to medical_booked', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    expect(await caseStatus(applicant.caseId)).toBe('medical_booked');
    const me = await call(t.server, session, 'GET', '/api/medical/me');
    expect(me.body).toMatchObject({ state: 'booked', appointment: { id: appointmentId, day: tomorrowInDushanbe(), canChange: true } });
    const allocation = await call(t.server, undefined, 'GET', `/api/medical/appointments/${appointmentId}/allocation`);
    expect(allocation.body).toMatchObject({ consistent: true, clinicId: setup.clinics[0]!.id });
    // A retry with the same requestId is harmless; a second booking for the case is refused.
    const retry = await call(t.server, session, 'POST', '/api/medical/appointments', {
      caseId: applicant.caseId,
      day: tomorrowInDushanbe(),
      requestId: `book-${applicant.caseId}`,
    });
    expect(retry.body.appointment.id).toBe(appointmentId);
    const again = await call(t.server, session, 'POST', '/api/medical/appointments', {
      caseId: applicant.caseId,
      day: tomorrowInDushanbe(),
      requestId: `book2-${applicant.caseId}`,
    });
    expect(again.status).toBe(409);
  });

  test('refuses a day outside the booking window with 422 and the field path', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', '/api/medical/appointments', {
      caseId: applicant.caseId,
      day: '2020-01-01',
      requestId: `book-old-${applicant.caseId}`,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'day', code: 'out_of_range' });
    expect(await caseStatus(applicant.caseId)).toBe('registered');
  });

  test('reschedules (new allocation) and cancels (case back to registered)', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    const moved = await call(t.server, session, 'POST', `/api/medical/appointments/${appointmentId}/reschedule`, {
      day: tomorrowInDushanbe(),
      requestId: `move-${appointmentId}`,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.id).not.toBe(appointmentId);
    const cancel = await call(t.server, session, 'POST', `/api/medical/appointments/${moved.body.appointment.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.state).toBe('not_booked');
    expect(await caseStatus(applicant.caseId)).toBe('registered');
  });
});

describe('exam recording and sign-off', () => {
  test('all tests negative: sign-off issues a verifiable certificate and clears the case in one step', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { staff, head } = await clinicSessions(appointmentId);
    const recorded = await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.status).toBe('in_progress');
    const signed = await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('cleared');
    expect(await caseStatus(applicant.caseId)).toBe('medical_cleared');
    const me = await call(t.server, session, 'GET', '/api/medical/me');
    expect(me.body.state).toBe('cleared');
    expect(me.body.certificate.status).toBe('valid');
    const verified = await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: me.body.certificate.code });
    expect(verified.body).toMatchObject({
      status: 'valid',
      credential: { type: 'medical_certificate', claims: { result: 'meets_requirements', procedure: { code: 'RU-MOH-FW', version: 1 } } },
    });
    expect(JSON.stringify(verified.body)).not.toMatch(/negative|positive|tuberculosis|hiv/);
    const pdf = await call(t.server, session, 'GET', `/api/medical/certificates/${me.body.certificate.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.slice(0, 5)).toBe('%PDF-');
    const eligibility = await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}/eligibility`);
    expect(eligibility.body.requirements).toContainEqual({ requirement: 'medical_certificate', met: true });
  });

  test('a positive finding: referral kept in medical tables, case medical_not_cleared with no reason anywhere else', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { staff, head } = await clinicSessions(appointmentId);
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, {
      results: negative.map((r) => (r.test === 'tuberculosis' ? { ...r, outcome: 'positive' } : r)),
    });
    const noReferral = await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    expect(noReferral.status).toBe(422);
    const signed = await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, {
      requestId: `sign-${appointmentId}`,
      referredTo: 'Republican TB Centre, Dushanbe',
    });
    expect(signed.body).toMatchObject({ status: 'not_cleared', referral: { findings: ['tuberculosis'] } });
    expect(await caseStatus(applicant.caseId)).toBe('medical_not_cleared');
    const action = await t.db
      .selectFrom('case_actions')
      .select(['action', 'reason'])
      .where('case_id', '=', applicant.caseId)
      .where('action', '=', 'fail_medical')
      .executeTakeFirstOrThrow();
    expect(action.reason).toBeNull();
    const events = await t.db.selectFrom('audit_events').select('data').execute();
    expect(JSON.stringify(events)).not.toMatch(/tuberculosis|positive|TB Centre/);
    const me = await call(t.server, session, 'GET', '/api/medical/me');
    expect(me.body.state).toBe('not_cleared');
    expect(me.body.certificate).toBeNull();
  });

  test('refuses a sign-off with results missing (422 naming them) and recording by the head (403)', async () => {
    const { appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { staff, head } = await clinicSessions(appointmentId);
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative.slice(0, 2) });
    const res = await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(STANDARD_TESTS.slice(2).map((c) => `results.${c}`));
    expect((await call(t.server, head, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative })).status).toBe(403);
  });

  test("another clinic's staff cannot see or record the exam (404)", async () => {
    const other = await setUpMedical(t.db, t.config);
    knownClinics.push(...other.clinics);
    const otherStaff = await signInAs(t.server, other.clinics[0]!.staff.email, TEST_PASSWORD);
    const mine = await bookedApplicant();
    const row = await t.db.selectFrom('medical_appointments').select('clinic_id').where('id', '=', mine.appointmentId).executeTakeFirstOrThrow();
    if (row.clinic_id === other.clinics[0]!.id) return;
    await makeAppointmentToday(t.db, mine.appointmentId);
    expect((await call(t.server, otherStaff, 'GET', `/api/medical/appointments/${mine.appointmentId}/exam`)).status).toBe(404);
    expect((await call(t.server, otherStaff, 'PUT', `/api/medical/appointments/${mine.appointmentId}/results`, { results: negative })).status).toBe(404);
  });
});

describe('revocation and suspension', () => {
  test('a revoked certificate verifies as revoked; a re-issued one is valid', async () => {
    const { session, appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { staff, head } = await clinicSessions(appointmentId);
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative });
    await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    const { certificate } = (await call(t.server, session, 'GET', '/api/medical/me')).body;
    const reissued = await call(t.server, authority, 'POST', `/api/medical/certificates/${certificate.id}/reissue`);
    expect(reissued.status).toBe(200);
    expect((await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: certificate.code })).body.status).toBe('revoked');
    const fresh = (await call(t.server, session, 'GET', '/api/medical/me')).body.certificate;
    expect(fresh.id).toBe(reissued.body.id);
    expect((await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: fresh.code })).body.status).toBe('valid');
    const revoke = await call(t.server, authority, 'POST', `/api/credentials/${fresh.id}/revoke`, { reason: 'fraud' });
    expect(revoke.status).toBe(200);
    expect((await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: fresh.code })).body.status).toBe('revoked');
    const events = await t.db.selectFrom('audit_events').select(['event_type', 'data']).where('event_type', '=', 'credential.revoked').execute();
    expect(events.map((e) => e.data)).toContainEqual({ type: 'medical_certificate', reason: 'fraud' });
  });

  test('a suspended clinic takes no bookings; its earlier certificates stay valid', async () => {
    const { session, appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { clinic, staff, head } = await clinicSessions(appointmentId);
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative });
    await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    const { certificate } = (await call(t.server, session, 'GET', '/api/medical/me')).body;
    const suspended = await call(t.server, authority, 'POST', `/api/medical/clinics/${clinic.id}/suspend`);
    expect(suspended.status).toBe(200);
    // Bookings now go only to the clinics still approved.
    for (let i = 0; i < 5; i += 1) {
      const next = await bookedApplicant();
      const at = await t.db.selectFrom('medical_appointments').select('clinic_id').where('id', '=', next.appointmentId).executeTakeFirstOrThrow();
      expect(at.clinic_id).not.toBe(clinic.id);
    }
    expect((await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: certificate.code })).body.status).toBe('valid');
    const trustList = await call(t.server, undefined, 'GET', '/api/credentials/trust-list');
    expect(trustList.body.format).toBe('corridor-signed-list/1');
    const stats = await call(t.server, authority, 'GET', '/api/medical/stats');
    expect(stats.body.clinics.find((c: { clinicId: string }) => c.clinicId === clinic.id)).toMatchObject({ status: 'suspended', cleared: expect.any(Number) });
  });
});

describe('procedure versions', () => {
  test('a new approved version governs new exams and never changes earlier certificates', async () => {
    const first = await bookedApplicant();
    await makeAppointmentToday(t.db, first.appointmentId);
    let sessions = await clinicSessions(first.appointmentId);
    await call(t.server, sessions.staff, 'PUT', `/api/medical/appointments/${first.appointmentId}/results`, { results: negative });
    await call(t.server, sessions.head, 'POST', `/api/medical/appointments/${first.appointmentId}/sign-off`, { requestId: `sign-${first.appointmentId}` });
    const oldCode = (await call(t.server, first.session, 'GET', '/api/medical/me')).body.certificate.code;

    const draft = await call(t.server, authority, 'POST', '/api/medical/procedures', {
      code: 'RU-MOH-FW',
      title: 'Revised examination',
      tests: STANDARD_TESTS.map((code) => ({ code, disqualifying: ['positive'] })),
      validityMonths: 6,
      renewalWindowDays: 30,
    });
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const approved = await call(t.server, authority, 'POST', `/api/medical/procedures/${draft.body.id}/approve`);
    expect(approved.body.status).toBe('approved');
    const list = await call(t.server, authority, 'GET', '/api/medical/procedures');
    expect(list.body.items.find((p: { version: number }) => p.version === 1).status).toBe('retired');

    const second = await bookedApplicant();
    await makeAppointmentToday(t.db, second.appointmentId);
    sessions = await clinicSessions(second.appointmentId);
    await call(t.server, sessions.staff, 'PUT', `/api/medical/appointments/${second.appointmentId}/results`, { results: negative });
    const signed = await call(t.server, sessions.head, 'POST', `/api/medical/appointments/${second.appointmentId}/sign-off`, {
      requestId: `sign-${second.appointmentId}`,
    });
    expect(signed.body.procedure.version).toBe(2);
    const newCode = (await call(t.server, second.session, 'GET', '/api/medical/me')).body.certificate.code;
    const [oldResult, newResult] = [
      (await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: oldCode })).body,
      (await call(t.server, undefined, 'POST', '/api/credentials/verify', { code: newCode })).body,
    ];
    expect(oldResult).toMatchObject({ status: 'valid', credential: { claims: { procedure: { version: 1 } } } });
    expect(newResult).toMatchObject({ status: 'valid', credential: { claims: { procedure: { version: 2 } } } });
    const months = (r: { credential: { issuedAt: string; validUntil: string } }) =>
      Math.round((Date.parse(r.credential.validUntil) - Date.parse(r.credential.issuedAt)) / (30.44 * 86_400_000));
    expect([months(oldResult), months(newResult)]).toEqual([12, 6]);
  });
});

describe('journey plug-ins', () => {
  test('a booked case shows its appointment deadline; only the allocated clinic sees the case', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    const detail = await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}`);
    expect(detail.body.deadlines).toContainEqual(expect.objectContaining({ kind: 'medical_appointment', dueOn: tomorrowInDushanbe() }));
    expect(detail.body.nextStep).toMatchObject({ code: 'attend_medical', deadline: { kind: 'medical_appointment' } });
    const { clinic, staff } = await clinicSessions(appointmentId);
    expect((await call(t.server, staff, 'GET', `/api/cases/${applicant.caseId}`)).status).toBe(200);
    const other = knownClinics.find((c) => c.id !== clinic.id);
    if (other) {
      const otherStaff = await signInAs(t.server, other.staff.email, TEST_PASSWORD);
      expect((await call(t.server, otherStaff, 'GET', `/api/cases/${applicant.caseId}`)).status).toBe(404);
    }
  });

  test('the certificate renewal reminder appears inside the corridor window before expiry', async () => {
    const { applicant, session, appointmentId } = await bookedApplicant();
    await makeAppointmentToday(t.db, appointmentId);
    const { staff, head } = await clinicSessions(appointmentId);
    await call(t.server, staff, 'PUT', `/api/medical/appointments/${appointmentId}/results`, { results: negative });
    await call(t.server, head, 'POST', `/api/medical/appointments/${appointmentId}/sign-off`, { requestId: `sign-${appointmentId}` });
    const before = await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}`);
    expect(before.body.deadlines.map((d: { kind: string }) => d.kind)).not.toContain('certificate_renewal');
    // Twenty days before expiry the renewal window (30 days) is open.
    const expiry = new Date(Date.now() + 20 * 86_400_000);
    await t.db.updateTable('credentials').set({ valid_until: expiry }).where('case_id', '=', applicant.caseId).execute();
    const after = await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}`);
    expect(after.body.deadlines).toContainEqual(expect.objectContaining({ kind: 'certificate_renewal', dueOn: expiry.toISOString().slice(0, 10) }));
  });
});

describe('booking under concurrency', () => {
  test('parallel bookings for one case leave exactly one appointment', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(t.server, session, 'POST', '/api/medical/appointments', {
          caseId: applicant.caseId,
          day: tomorrowInDushanbe(),
          requestId: `race-${applicant.caseId}-${i}`,
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    expect(attempts.filter((a) => a.status !== 200).every((a) => a.status === 409)).toBe(true);
    const rows = await t.db.selectFrom('medical_appointments').select('id').where('case_id', '=', applicant.caseId).execute();
    expect(rows).toHaveLength(1);
  });

  test('no clinic takes more bookings on a day than its capacity', async () => {
    const day = addDays(tomorrowInDushanbe(), 3);
    const capacity = await t.db.selectFrom('clinics').select(['id', 'daily_capacity']).where('status', '=', 'approved').execute();
    await t.db.updateTable('clinics').set({ daily_capacity: 2 }).execute();
    const applicants = [];
    for (let i = 0; i < 2 * capacity.length + 2; i += 1) applicants.push(await createApplicant(t.db, roundId));
    const results = await Promise.all(
      applicants.map(async (a) =>
        call(t.server, await signInAs(t.server, a.email, TEST_PASSWORD), 'POST', '/api/medical/appointments', {
          caseId: a.caseId,
          day,
          requestId: `cap-${a.caseId}`,
        }),
      ),
    );
    const booked = await t.db
      .selectFrom('medical_appointments')
      .select(['clinic_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('day', '=', day)
      .where('status', '=', 'booked')
      .groupBy('clinic_id')
      .execute();
    expect(booked.every((b) => Number(b.n) <= 2)).toBe(true);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toContain('appointment.day_full.conflict');
    for (const c of capacity) await t.db.updateTable('clinics').set({ daily_capacity: c.daily_capacity }).where('id', '=', c.id).execute();
  });
});
