import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatMrz, toMrzLatin } from '../../src/modules/people';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD, type TestUser } from '../support/factories';

let t: TestApp;
let agency: TestUser;
let serial = 100;

beforeAll(async () => {
  t = await createTestApp();
  await createCorridorAndRound(t.db);
  agency = await createOfficial(t.db, 'origin_agency');
});
afterAll(() => t.close());

function registration(name: { surname: string; givenNames: string; patronymic?: string }, birthDate = '1991-03-05', overrides: Record<string, unknown> = {}) {
  serial += 1;
  const [l1, l2] = formatMrz({
    issuingState: 'TJK',
    surname: toMrzLatin(name.surname),
    givenNames: toMrzLatin(name.givenNames),
    documentNumber: `40${String(serial).padStart(7, '0')}`,
    nationality: 'TJK',
    birthDate,
    sex: 'M',
    expiryDate: '2034-05-01',
  });
  return {
    mrz: `${l1}\n${l2}`,
    name,
    email: `reg-${serial}-${Date.now()}@test.corridor`,
    phone: '+992901234567',
    password: 'a-long-password',
    locale: 'tg',
    ...overrides,
  };
}

describe('POST /api/people/registrations', () => {
  test('creates the person with three name forms, the account and a case in the open round', async () => {
    const body = registration({ surname: 'Қодирзода', givenNames: 'Баҳодур', patronymic: 'Шарифович' });
    const res = await call(t.server, undefined, 'POST', '/api/people/registrations', body);
    expect(res.status).toBe(201);
    const session = await signInAs(t.server, body.email, body.password);
    const kase = await call(t.server, session, 'GET', `/api/cases/${res.body.caseId}`);
    expect(kase.body.status).toBe('registered');
    expect(kase.body.person.names).toEqual({
      latin: { surname: 'QODIRZODA', givenNames: 'BAHODUR' },
      origin: { surname: 'Қодирзода', givenNames: 'Баҳодур', patronymic: 'Шарифович' },
      destination: { surname: 'Кодирзода', givenNames: 'Баходур', patronymic: 'Шарифович' },
    });
    expect(kase.body.person.birthDate).toBe('1991-03-05');
  });

  test('names the MRZ field whose check digit is wrong, and stores nothing', async () => {
    const body = registration({ surname: 'Саидов', givenNames: 'Умед' });
    const [l1, l2] = body.mrz.split('\n') as [string, string];
    const broken = `${l2.slice(0, 19)}${(Number(l2.charAt(19)) + 1) % 10}${l2.slice(20)}`;
    const res = await call(t.server, undefined, 'POST', '/api/people/registrations', { ...body, mrz: `${l1}\n${broken}` });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('registration.invalid');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('mrz.birthDate');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst()).toBeUndefined();
  });

  test('refuses a Tajik name that is not the name in the passport', async () => {
    const body = registration({ surname: 'Саидов', givenNames: 'Умед' });
    const res = await call(t.server, undefined, 'POST', '/api/people/registrations', { ...body, name: { surname: 'Каримов', givenNames: 'Умед' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'name', code: 'passport_mismatch' })]);
  });

  test('checks an MRZ without storing anything', async () => {
    const body = registration({ surname: 'Саидов', givenNames: 'Умед' });
    const ok = await call(t.server, undefined, 'POST', '/api/people/mrz-check', { mrz: body.mrz });
    expect(ok.body).toMatchObject({ ok: true, fields: { surname: 'SAIDOV', givenNames: 'UMED' } });
    const bad = await call(t.server, undefined, 'POST', '/api/people/mrz-check', { mrz: 'P<TJK' });
    expect(bad.body).toMatchObject({ ok: false, errors: [{ path: 'mrz.lines' }] });
  });
});

describe('duplicates', () => {
  test('a second registration of the same man is shown with score and reason, merged and the merge undone, all audited', async () => {
    const first = registration({ surname: 'Назаров', givenNames: 'Фаридун', patronymic: 'Каримович' }, '1988-07-02');
    const a = await call(t.server, undefined, 'POST', '/api/people/registrations', first);
    // Another passport, the surname after the reform, day and month swapped.
    const second = registration({ surname: 'Назарзода', givenNames: 'Фаридун', patronymic: 'Каримович' }, '1988-02-07');
    const b = await call(t.server, undefined, 'POST', '/api/people/registrations', second);
    expect(b.status).toBe(201);
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const list = await call(t.server, session, 'GET', '/api/people/duplicates?status=open');
    const candidate = list.body.items.find((d: { person: { id: string } }) => d.person.id === b.body.personId);
    expect(candidate).toMatchObject({ candidate: { id: a.body.personId }, status: 'open' });
    expect(candidate.score).toBeGreaterThan(0.8);
    expect(candidate.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['name_suffix', 'dob_swapped']));

    const merged = await call(t.server, session, 'POST', `/api/people/duplicates/${candidate.id}/merge`);
    expect(merged.body.status).toBe('merged');
    const moved = await t.db.selectFrom('users').select('person_id').where('id', '=', b.body.userId).executeTakeFirstOrThrow();
    expect(moved.person_id).toBe(a.body.personId);
    expect((await call(t.server, session, 'POST', `/api/people/duplicates/${candidate.id}/merge`)).status).toBe(409);

    const reopened = await call(t.server, session, 'POST', `/api/people/duplicates/${candidate.id}/reopen`);
    expect(reopened.body.status).toBe('open');
    const back = await t.db.selectFrom('users').select('person_id').where('id', '=', b.body.userId).executeTakeFirstOrThrow();
    expect(back.person_id).toBe(b.body.personId);
    const kept = await call(t.server, session, 'POST', `/api/people/duplicates/${candidate.id}/keep-apart`);
    expect(kept.body.status).toBe('kept_apart');
    const events = await t.db.selectFrom('audit_events').select('event_type').where('entity_id', '=', b.body.personId).orderBy('seq').execute();
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(['person.duplicate_found', 'person.duplicate_merged', 'person.duplicate_reopened', 'person.duplicate_kept_apart']),
    );
  });
});

describe('PUT /api/people/:id/destination-name', () => {
  test('an officer corrects the Russian form; the audit names the fields, not the values; the applicant may not', async () => {
    const applicant = await createApplicant(t.db, (await t.db.selectFrom('recruitment_rounds').select('id').executeTakeFirstOrThrow()).id, [], {
      surname: 'Иброҳимов',
      given: 'Ҳасан',
    });
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'PUT', `/api/people/${applicant.personId}/destination-name`, {
      surname: 'Ибрагимов',
      givenNames: 'Гасан',
      patronymic: 'Саидович',
      reason: 'as in the Russian visa record',
    });
    expect(res.status).toBe(200);
    expect(res.body.names.destination).toEqual({ surname: 'Ибрагимов', givenNames: 'Гасан', patronymic: 'Саидович' });
    expect(res.body.destinationCorrectedAt).not.toBeNull();
    const event = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', applicant.personId ?? '')
      .where('event_type', '=', 'person.destination_name_corrected')
      .executeTakeFirstOrThrow();
    expect(event.data).toEqual({ fields: ['surname', 'givenNames'] });
    const own = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    expect(
      (await call(t.server, own, 'PUT', `/api/people/${applicant.personId}/destination-name`, { surname: 'X', givenNames: 'Y', reason: 'z' })).status,
    ).toBe(403);
  });
});
