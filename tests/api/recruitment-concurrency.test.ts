import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../src/platform/database/database';
import { importCaseHistory } from '../../src/modules/journey';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createCorridorAndRound, createOfficial, TEST_CONTEXT, TEST_PASSWORD } from '../support/factories';
import { createApprovedRequest, createPoolCandidate, createVerifiedEmployer, principalOf, requestInput } from '../support/recruitment-factories';
import { setQuota, submitLabourRequest } from '../../src/modules/employers';

// On PostgreSQL the requests below really run at the same time (a pool of connections); on PGlite they
// interleave on its single connection. The invariants must hold on both.
let t: TestApp;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
});
afterAll(() => t.close());

/** A published run whose proposals the test lays out itself: the seats and candidates to fight over. */
async function publishEntries(entries: Array<{ requestId: string; seatNo: number; caseId: string; position: number }>): Promise<string[]> {
  return inTransaction(t.db, async (trx) => {
    const run = await trx
      .insertInto('match_runs')
      .values({
        policy: JSON.stringify({ base: 1000, preferencePoints: [100, 70, 40], noPreferencePoints: 50, waitingCapDays: 730, waitingPoints: 50 }),
        requested_by_user_id: null,
        request_id: `run-${Math.random()}`,
        job_id: null,
        candidates: null,
        vacancies: null,
        seats: null,
        assigned: null,
        objective: null,
        edges: null,
        duration_ms: null,
        error: null,
        published_at: new Date(),
        published_by_user_id: null,
        finished_at: new Date(),
        status: 'done',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const e of entries) {
      const row = await trx
        .insertInto('match_run_entries')
        .values({
          run_id: run.id,
          labour_request_id: e.requestId,
          seat_no: e.seatNo,
          case_id: e.caseId,
          position: e.position,
          weight: 1100,
          reasons: JSON.stringify({
            skillLevel: 3,
            minSkillLevel: 2,
            russianLevel: 2,
            minRussianLevel: 1,
            experienceYears: 4,
            minExperienceYears: 1,
            preferenceRank: 1,
            waitingDays: 0,
          }),
          status: 'proposed',
          decided_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    for (const caseId of new Set(entries.map((e) => e.caseId))) {
      const status = await trx.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
      if (status.status === 'in_pool') await importCaseHistory(trx, TEST_CONTEXT, caseId, [{ action: 'shortlist', at: new Date(), actorRole: 'system:test' }]);
    }
    return ids;
  });
}

describe('quotas under concurrent approvals', () => {
  test('never approve more seats than the quota, whatever the interleaving', async () => {
    const employer = await createVerifiedEmployer(t.db);
    const destination = await signInAs(t.server, (await createOfficial(t.db, 'destination_agency')).email, TEST_PASSWORD);
    const input = requestInput({ occupation: '9313', seats: 3 });
    await setQuota(t.db, TEST_CONTEXT, { year: Number(input.startOn.slice(0, 4)), region: 'RU-SVE', occupation: '9313', total: 10 });
    const requests = await Promise.all(
      Array.from({ length: 8 }, () => submitLabourRequest(t.db, principalOf(employer), TEST_CONTEXT, requestInput({ occupation: '9313', seats: 3 }))),
    );
    const answers = await Promise.all(
      requests.map((r) => call(t.server, destination, 'POST', `/api/labour-requests/${r.id}/decision`, { decision: 'approve' })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'labour_request.quota_exhausted.conflict')).toBe(true);
    const quota = await t.db.selectFrom('quotas').select(['used', 'total']).where('occupation', '=', '9313').executeTakeFirstOrThrow();
    expect(quota).toEqual({ used: 9, total: 10 });
  });
});

describe('selections under concurrency', () => {
  test('a seat is never filled twice', async () => {
    const employer = await createVerifiedEmployer(t.db);
    const session = await signInAs(t.server, employer.email, TEST_PASSWORD);
    for (let round = 0; round < 3; round += 1) {
      const requestId = await createApprovedRequest(t.db, employer, { occupation: '7122', seats: 1 });
      const candidates = [];
      for (let i = 0; i < 3; i += 1) candidates.push(await createPoolCandidate(t.db, roundId, { occupation: '7122' }));
      const entries = await publishEntries(candidates.map((c, i) => ({ requestId, seatNo: 1, caseId: c.caseId, position: i + 1 })));
      const answers = await Promise.all(
        entries.map((id, i) => call(t.server, session, 'POST', `/api/shortlist-entries/${id}/select`, { requestId: `seat-${round}-${i}-${requestId}` })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const live = await t.db
        .selectFrom('offers')
        .select('case_id')
        .where('labour_request_id', '=', requestId)
        .where('status', 'in', ['selected', 'offered', 'accepted', 'contracted'])
        .execute();
      expect(live).toHaveLength(1);
      const selected = await t.db
        .selectFrom('cases')
        .select('id')
        .where(
          'id',
          'in',
          candidates.map((c) => c.caseId),
        )
        .where('status', '=', 'selected')
        .execute();
      expect(selected).toHaveLength(1);
    }
  });

  test('no candidate holds two live (and so two accepted) offers', async () => {
    const employers = await Promise.all([0, 1, 2].map(() => createVerifiedEmployer(t.db)));
    const sessions = await Promise.all(employers.map((e) => signInAs(t.server, e.email, TEST_PASSWORD)));
    const origin = await signInAs(t.server, (await createOfficial(t.db, 'origin_agency')).email, TEST_PASSWORD);
    for (let round = 0; round < 3; round += 1) {
      const requests = await Promise.all(employers.map((e) => createApprovedRequest(t.db, e, { occupation: '7131', seats: 1 })));
      const candidate = await createPoolCandidate(t.db, roundId, { occupation: '7131' });
      const entries = await publishEntries(requests.map((requestId) => ({ requestId, seatNo: 1, caseId: candidate.caseId, position: 1 })));
      const answers = await Promise.all(
        entries.map((id, i) =>
          call(t.server, sessions[i] as (typeof sessions)[number], 'POST', `/api/shortlist-entries/${id}/select`, { requestId: `cand-${round}-${i}-${id}` }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const chosen = answers.find((a) => a.status === 200)?.body.id as string;
      const sends = await Promise.all([0, 1].map(() => call(t.server, origin, 'POST', `/api/offers/${chosen}/send`)));
      expect(sends.map((a) => a.status).sort()).toEqual([200, 409]);
      const worker = await signInAs(t.server, candidate.email, TEST_PASSWORD);
      const offers = (await call(t.server, worker, 'GET', '/api/offers')).body.items as Array<{ id: string; status: string }>;
      expect(offers.filter((o) => o.status === 'offered')).toHaveLength(1);
      const accepts = await Promise.all(offers.map((o) => call(t.server, worker, 'POST', `/api/offers/${o.id}/accept`)));
      expect(accepts.filter((a) => a.status === 200)).toHaveLength(1);
      const accepted = await t.db
        .selectFrom('offers')
        .select('id')
        .where('case_id', '=', candidate.caseId)
        .where('status', 'in', ['accepted', 'contracted'])
        .execute();
      expect(accepted).toHaveLength(1);
    }
  });
});
