import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathToStatus } from '../../src/modules/journey';
import { escalateOverdueGrievances } from '../../src/modules/welfare';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD, type TestUser } from '../support/factories';

let t: TestApp;
let roundId: string;
let office: Session;
let agency: Session;
let employerUser: TestUser;
let employer: Session;
let otherEmployer: Session;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  office = await signInAs(t.server, (await createOfficial(t.db, 'consular_office')).email, TEST_PASSWORD);
  agency = await signInAs(t.server, (await createOfficial(t.db, 'origin_agency')).email, TEST_PASSWORD);
  employerUser = await createOfficial(t.db, 'employer');
  employer = await signInAs(t.server, employerUser.email, TEST_PASSWORD);
  otherEmployer = await signInAs(t.server, (await createOfficial(t.db, 'employer')).email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function arrivedWorker() {
  const applicant = await createApplicant(t.db, roundId, pathToStatus('employed'), { employerOrganizationId: employerUser.organizationId ?? undefined });
  return { applicant, session: await signInAs(t.server, applicant.email, TEST_PASSWORD) };
}

describe('POST /api/grievances', () => {
  test('files a grievance with a photo, due for acknowledgement within 2 working days, idempotently', async () => {
    const { session } = await arrivedWorker();
    const body = {
      category: 'wages_unpaid',
      message: 'Маоши моҳи октябр пардохт нашудааст.',
      attachments: [{ fileName: 'payslip.png', dataBase64: PNG.toString('base64') }],
      requestId: 'griev-file-1',
    };
    const res = await call(t.server, session, 'POST', '/api/grievances', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', category: 'wages_unpaid', reference: expect.stringMatching(/^G-\d{4}-\d{6}$/) });
    expect(res.body.messages[0].attachments[0]).toMatchObject({ fileName: 'payslip.png', contentType: 'image/png' });
    const hours = (Date.parse(res.body.ackDueAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(24);
    expect(hours).toBeLessThan(24 * 6);
    const again = await call(t.server, session, 'POST', '/api/grievances', body);
    expect(again.body.id).toBe(res.body.id);
  });

  test('rejects a file that is not an image or PDF whatever its name says', async () => {
    const { session } = await arrivedWorker();
    const res = await call(t.server, session, 'POST', '/api/grievances', {
      category: 'other',
      message: 'See the attached file.',
      attachments: [{ fileName: 'photo.png', dataBase64: Buffer.from('MZ fake executable').toString('base64') }],
      requestId: 'griev-bad-file',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'attachments.0', code: 'type' });
    expect(await t.db.selectFrom('grievances').select('id').where('request_id', '=', 'griev-bad-file').executeTakeFirst()).toBeUndefined();
  });
});

describe('the grievance thread', () => {
  test('the office answers, the worker sees the answer but not internal notes, the employer sees nothing until contacted', async () => {
    const { session } = await arrivedWorker();
    const filed = await call(t.server, session, 'POST', '/api/grievances', {
      category: 'documents_withheld',
      message: 'The employer keeps my passport.',
      requestId: 'griev-thread-1',
    });
    const id = filed.body.id;
    expect((await call(t.server, employer, 'GET', `/api/grievances/${id}`)).status).toBe(404);
    expect((await call(t.server, employer, 'GET', '/api/grievances')).body.items).toEqual([]);

    await call(t.server, office, 'POST', `/api/grievances/${id}/messages`, {
      body: 'Internal: check with the labour inspection.',
      audience: 'internal',
      requestId: 'griev-note-1',
    });
    const answered = await call(t.server, office, 'POST', `/api/grievances/${id}/messages`, {
      body: 'We will call you tomorrow.',
      requestId: 'griev-answer-1',
    });
    expect(answered.body.status).toBe('acknowledged');

    const seen = await call(t.server, session, 'GET', `/api/grievances/${id}`);
    expect(seen.body.messages.map((m: { body: string }) => m.body)).toEqual(['The employer keeps my passport.', 'We will call you tomorrow.']);

    const contacted = await call(t.server, office, 'POST', `/api/grievances/${id}/actions`, {
      action: 'contact_employer',
      message: "Please return the worker's passport to him.",
      requestId: 'griev-contact-1',
    });
    expect(contacted.body.employerContacted).toBe(true);
    const employerView = await call(t.server, employer, 'GET', `/api/grievances/${id}`);
    expect(employerView.status).toBe(200);
    expect(employerView.body.workerName).toBeNull();
    expect(employerView.body.caseId).toBeNull();
    expect(employerView.body.messages.map((m: { body: string }) => m.body)).toEqual(["Please return the worker's passport to him."]);
    expect((await call(t.server, otherEmployer, 'GET', `/api/grievances/${id}`)).status).toBe(404);
    expect((await call(t.server, employer, 'POST', `/api/grievances/${id}/messages`, { body: 'Returned today.', requestId: 'griev-employer-1' })).status).toBe(
      200,
    );
    expect((await call(t.server, session, 'GET', `/api/grievances/${id}`)).body.messages).toHaveLength(2);

    const resolved = await call(t.server, office, 'POST', `/api/grievances/${id}/actions`, {
      action: 'resolve',
      message: 'The passport was returned.',
      requestId: 'griev-resolve-1',
    });
    expect(resolved.body.status).toBe('resolved');
    const reopened = await call(t.server, session, 'POST', `/api/grievances/${id}/actions`, {
      action: 'reopen',
      message: 'Only a copy was returned.',
      requestId: 'griev-reopen-1',
    });
    expect(reopened.body.status).toBe('acknowledged');
    const refused = await call(t.server, session, 'POST', `/api/grievances/${id}/actions`, {
      action: 'resolve',
      message: 'x',
      requestId: 'griev-self-resolve',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.allowedActions).toEqual(['withdraw']);
  });

  test('an action without a message, retried with its requestId, is applied once', async () => {
    const { session } = await arrivedWorker();
    const filed = await call(t.server, session, 'POST', '/api/grievances', {
      category: 'unsafe_housing',
      message: 'Twelve people in one room.',
      requestId: 'griev-retry-file',
    });
    const id = filed.body.id as string;
    const first = await call(t.server, office, 'POST', `/api/grievances/${id}/actions`, { action: 'acknowledge', requestId: 'griev-retry-ack' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('acknowledged');
    const again = await call(t.server, office, 'POST', `/api/grievances/${id}/actions`, { action: 'acknowledge', requestId: 'griev-retry-ack' });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('acknowledged');
    const events = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('entity_id', '=', id)
      .where('event_type', '=', 'grievance.transitioned')
      .execute();
    expect(events).toHaveLength(1);
  });

  test('an unacknowledged grievance is escalated to the origin agency after its due time, once', async () => {
    const { session } = await arrivedWorker();
    const filed = await call(t.server, session, 'POST', '/api/grievances', {
      category: 'unsafe_housing',
      message: 'Twelve people in one room, no heating.',
      requestId: 'griev-sla-1',
    });
    expect((await call(t.server, agency, 'GET', `/api/grievances/${filed.body.id}`)).status).toBe(404);
    const later = new Date(Date.parse(filed.body.ackDueAt) + 60_000);
    expect(await escalateOverdueGrievances(t.db, later)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueGrievances(t.db, later)).toBe(0);
    const seen = await call(t.server, agency, 'GET', `/api/grievances/${filed.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.escalatedAt).not.toBeNull();
    const events = await t.db.selectFrom('audit_events').select('event_type').where('entity_id', '=', filed.body.id).execute();
    expect(events.map((e) => e.event_type)).toContain('grievance.escalated');
  });

  test('statistics per employer count categories, open and escalated grievances', async () => {
    const res = await call(t.server, agency, 'GET', '/api/grievances/statistics');
    const row = res.body.employers.find((e: { organizationId: string }) => e.organizationId === employerUser.organizationId);
    expect(row.total).toBeGreaterThanOrEqual(3);
    expect(row.byCategory.documents_withheld).toBeGreaterThanOrEqual(1);
    expect((await call(t.server, employer, 'GET', '/api/grievances/statistics')).status).toBe(403);
  });

  test('an attachment is served only to those who may read its message', async () => {
    const { session } = await arrivedWorker();
    const filed = await call(t.server, session, 'POST', '/api/grievances', {
      category: 'other',
      message: 'Photo of the contract.',
      attachments: [{ fileName: 'контракт.png', dataBase64: PNG.toString('base64') }],
      requestId: 'griev-att-1',
    });
    const attachment = filed.body.messages[0].attachments[0];
    const url = `/api/grievances/${filed.body.id}/attachments/${attachment.id}`;
    const download = await t.server.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await t.server.inject({ method: 'GET', url, headers: { cookie: employer.cookie } })).statusCode).toBe(404);
  });
});
