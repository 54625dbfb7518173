import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathToStatus, transitionCase } from '../../src/modules/journey';
import { inTransaction } from '../../src/platform/database/database';

import { drainJobs } from '../../src/platform/jobs/queue';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let agency: Session;

beforeAll(async () => {
  t = await createTestApp();
  const officer = await createOfficial(t.db, 'origin_agency');
  agency = await signInAs(t.server, officer.email, TEST_PASSWORD);
});
afterAll(() => t.close());

const orientation = (requestId: string) => ({ kind: 'orientation', completedOn: '2026-01-15', reference: 'GR-2026-04', requestId });
const language = (requestId: string) => ({ kind: 'language_certificate', completedOn: '2026-01-20', reference: 'RU-TJ-000123', score: 78, requestId });

describe('POST /api/cases/:id/pre-departure', () => {
  test('records orientation and the language certificate, once each, idempotently', async () => {
    const roundId = await createCorridorAndRound(t.db);
    const applicant = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'));
    const url = `/api/cases/${applicant.caseId}/pre-departure`;
    expect((await call(t.server, agency, 'POST', url, orientation('pd-orient-1'))).status).toBe(200);
    expect((await call(t.server, agency, 'POST', url, orientation('pd-orient-1'))).status).toBe(200);
    const twice = await call(t.server, agency, 'POST', url, orientation('pd-orient-2'));
    expect(twice).toMatchObject({ status: 409, body: { code: 'pre_departure.conflict' } });
    const noNumber = await call(t.server, agency, 'POST', url, { ...language('pd-lang-1'), reference: undefined });
    expect(noNumber.status).toBe(422);
    expect((await call(t.server, agency, 'POST', url, language('pd-lang-2'))).body.items).toHaveLength(2);
    const applicantSession = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const eligibility = await call(t.server, applicantSession, 'GET', `/api/cases/${applicant.caseId}/eligibility`);
    expect(eligibility.body.requirements).toEqual(
      expect.arrayContaining([
        { requirement: 'orientation', met: true },
        { requirement: 'language_certificate', met: true },
      ]),
    );
    expect((await call(t.server, applicantSession, 'POST', url, orientation('pd-by-applicant'))).status).toBe(403);
  });

  test('a withdrawn record no longer counts', async () => {
    const roundId = await createCorridorAndRound(t.db);
    const applicant = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'));
    const url = `/api/cases/${applicant.caseId}/pre-departure`;
    const recorded = await call(t.server, agency, 'POST', url, orientation('pd-revoke-1'));
    const id = recorded.body.items[0].id;
    expect((await call(t.server, agency, 'POST', `${url}/${id}/revoke`)).body.items).toEqual([]);
    expect((await call(t.server, agency, 'POST', `${url}/${id}/revoke`)).status).toBe(404);
    expect((await call(t.server, agency, 'POST', url, orientation('pd-revoke-2'))).status).toBe(200);
  });

  test('a screened case enters the pool by itself once every requirement of its corridor is met', async () => {
    const roundId = await createCorridorAndRound(t.db, { code: 'TJ-KZ', rules: { poolRequirements: ['orientation', 'language_certificate'] } });
    const applicant = await createApplicant(t.db, roundId, pathToStatus('screened_clear'));
    const url = `/api/cases/${applicant.caseId}/pre-departure`;
    await call(t.server, agency, 'POST', url, orientation('pd-pool-1'));
    await drainJobs(t.db);
    expect((await t.db.selectFrom('cases').select('status').where('id', '=', applicant.caseId).executeTakeFirstOrThrow()).status).toBe('screened_clear');
    await call(t.server, agency, 'POST', url, language('pd-pool-2'));
    await drainJobs(t.db);
    const row = await t.db.selectFrom('cases').select('status').where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_pool');
    const action = await t.db
      .selectFrom('case_actions')
      .select(['action', 'actor_role'])
      .where('case_id', '=', applicant.caseId)
      .where('action', '=', 'enter_pool')
      .executeTakeFirstOrThrow();
    expect(action.actor_role).toBe('system:pool');
  });

  test('a case whose requirements were met earlier enters the pool when screening clears it', async () => {
    const roundId = await createCorridorAndRound(t.db, { code: 'TJ-AM', rules: { poolRequirements: ['orientation'] } });
    const applicant = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'));
    await call(t.server, agency, 'POST', `/api/cases/${applicant.caseId}/pre-departure`, orientation('pd-early-1'));
    const mvd = await createOfficial(t.db, 'mvd_office');
    const actor = {
      userId: mvd.id,
      role: 'mvd_office' as const,
      organizationId: mvd.organizationId,
      personId: null,
      displayName: 'x',
      locale: 'ru' as const,
      via: 'session' as const,
    };
    await inTransaction(t.db, (trx) =>
      transitionCase(trx, { actor, requestId: 'screen-1' }, { caseId: applicant.caseId, action: 'clear_screening', requestId: 'screen-1' }, 'module'),
    );
    await drainJobs(t.db);
    const row = await t.db.selectFrom('cases').select('status').where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_pool');
  });

  test('the TJ-RU corridor fails closed while a requirement has no module to check it', async () => {
    const roundId = await createCorridorAndRound(t.db);
    const applicant = await createApplicant(t.db, roundId, pathToStatus('screened_clear'));
    const url = `/api/cases/${applicant.caseId}/pre-departure`;
    await call(t.server, agency, 'POST', url, orientation('pd-closed-1'));
    await call(t.server, agency, 'POST', url, language('pd-closed-2'));
    await drainJobs(t.db);
    const row = await t.db.selectFrom('cases').select('status').where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(row.status).toBe('screened_clear');
  });
});
