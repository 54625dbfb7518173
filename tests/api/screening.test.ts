import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drainJobs } from '../../src/platform/jobs/queue';
import { inTransaction } from '../../src/platform/database/database';
import { evaluatePoolEligibility, pathToStatus } from '../../src/modules/journey';
import { formatMrz, toMrzLatin } from '../../src/modules/people';
import { enqueueCaseScreening, resetListCache } from '../../src/modules/screening';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let roundId: string;
let officerA: Session;
let officerB: Session;

const LIST = [
  'id,name,birth_date,gender,passport_number,nationality',
  'EB-1,RAKHMONOV DZHAMSHED SAIDOVICH,1990-04-12,M,,TJK',
  'EB-2,Шарипов Далер,1990,,,',
  'EB-3,"Odinaev, Komron",1979-01-30,M,,',
].join('\n');

beforeAll(async () => {
  resetListCache();
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  const org = (await createOfficial(t.db, 'mvd_office')).organizationId ?? undefined;
  const a = await createOfficial(t.db, 'mvd_office', org);
  const b = await createOfficial(t.db, 'mvd_office', org);
  officerA = await signInAs(t.server, a.email, TEST_PASSWORD);
  officerB = await signInAs(t.server, b.email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function reviewsOf(personId: string) {
  const res = await call(t.server, officerA, 'GET', '/api/screening/reviews?limit=200');
  return (res.body.items as Array<{ id: string; person: { id: string }; status: string }>).filter((i) => i.person.id === personId);
}

/** A case imported as medically cleared, with the screening job its live transition would have enqueued. */
async function clearedApplicant() {
  const applicant = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'));
  await inTransaction(t.db, (trx) => enqueueCaseScreening(trx, applicant.caseId, 'test-import'));
  return applicant;
}

describe('POST /api/screening/lists', () => {
  test('a list with malformed rows is refused row by row and leaves the version in force', async () => {
    const bad = `${LIST}\nEB-4,Ali Valiev,1990-02-30,,,\nEB-5,,1990,,,\nEB-1,Duplicate Id,1990,,,`;
    const res = await call(t.server, officerA, 'POST', '/api/screening/lists', { source: 'bad file', csv: bad });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('watchlist.invalid');
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path}/${e.code}`)).toEqual([
      'row 5: birth_date/format',
      'row 6: name/required',
      'row 7: id/duplicate',
    ]);
    expect(await t.db.selectFrom('watchlist_versions').select('id').execute()).toHaveLength(0);
  });

  test('imports a version, rescreens the pool in the background with progress, and puts matches in the queue', async () => {
    const listed = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'));
    const innocent = await createApplicant(t.db, roundId, pathToStatus('medical_cleared'), { surname: 'Бобоев', given: 'Зафар' });
    const res = await call(t.server, officerA, 'POST', '/api/screening/lists', { source: 'MVD export', csv: LIST });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, entries: 3 });
    await drainJobs(t.db);
    const job = await call(t.server, officerA, 'GET', `/api/screening/jobs/${res.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'done', progress: { done: expect.any(Number), total: expect.any(Number) } });
    expect(job.body.progress.done).toBe(job.body.progress.total);
    const statusOf = async (caseId: string) => (await t.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status;
    expect(await statusOf(listed.caseId)).toBe('screening_hold');
    expect(await statusOf(innocent.caseId)).toBe('screened_clear');
    const [item] = await reviewsOf(listed.personId ?? '');
    expect(item).toMatchObject({ status: 'open', entry: { listId: 'EB-1' }, listVersion: 1 });
    const versions = await call(t.server, officerA, 'GET', '/api/screening/lists');
    expect(versions.body.items[0]).toMatchObject({ version: 1, inForce: true, rescreen: { status: 'done' } });
  });
});

describe('review by the MVD office', () => {
  test('clearing the only match clears the case; the applicant sees the status, never the list entry', async () => {
    const applicant = await clearedApplicant();
    await drainJobs(t.db);
    const [item] = await reviewsOf(applicant.personId ?? '');
    expect(item?.status).toBe('open');
    const cleared = await call(t.server, officerA, 'POST', `/api/screening/reviews/${item?.id}/clear`, {
      reason: 'namesake: other father',
      requestId: `clear-${item?.id}`,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.status).toBe('cleared');
    const own = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const kase = await call(t.server, own, 'GET', `/api/cases/${applicant.caseId}`);
    expect(kase.body.status).toBe('screened_clear');
    expect(kase.raw).not.toMatch(/EB-1|namesake|SAIDOVICH/);
    expect((await call(t.server, own, 'GET', '/api/screening/reviews')).status).toBe(403);
    const eligibility = await inTransaction(t.db, async (trx) =>
      evaluatePoolEligibility(trx, {
        id: applicant.caseId,
        personId: applicant.personId ?? '',
        status: 'screened_clear',
        employerOrganizationId: null,
        arrivedOn: null,
        corridorCode: 'TJ-RU',
      }),
    );
    expect(eligibility.find((r) => r.requirement === 'screening_clear')?.met).toBe(true);
    // A later rescreen against the same entry does not raise the cleared match again.
    await call(t.server, officerA, 'POST', '/api/screening/lists', { source: 'same list again', csv: LIST });
    await drainJobs(t.db);
    expect((await reviewsOf(applicant.personId ?? '')).filter((i) => i.status === 'open')).toHaveLength(0);
  });

  test('a refusal takes two officers; the case is refused with a neutral reason', async () => {
    const applicant = await clearedApplicant();
    await drainJobs(t.db);
    const [item] = await reviewsOf(applicant.personId ?? '');
    const proposed = await call(t.server, officerA, 'POST', `/api/screening/reviews/${item?.id}/propose-refusal`, {
      reason: 'ban confirmed',
      requestId: `p-${item?.id}`,
    });
    expect(proposed.body).toMatchObject({ status: 'refusal_proposed', proposedByMe: true });
    const self = await call(t.server, officerA, 'POST', `/api/screening/reviews/${item?.id}/confirm-refusal`, {
      reason: 'me again',
      requestId: `c1-${item?.id}`,
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('screening_match.forbidden');
    const confirmed = await call(t.server, officerB, 'POST', `/api/screening/reviews/${item?.id}/confirm-refusal`, {
      reason: 'confirmed',
      requestId: `c2-${item?.id}`,
    });
    expect(confirmed.body.status).toBe('refused');
    const own = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const kase = await call(t.server, own, 'GET', `/api/cases/${applicant.caseId}`);
    expect(kase.body.status).toBe('refused');
    expect(kase.body.timeline.at(-1)).toMatchObject({ action: 'refuse', reason: 'Decision of the entry screening' });
  });

  test('registration screens the new applicant within the request', async () => {
    const [l1, l2] = formatMrz({
      issuingState: 'TJK',
      surname: toMrzLatin('Одинаев'),
      givenNames: toMrzLatin('Комрон'),
      documentNumber: '499000001',
      nationality: 'TJK',
      birthDate: '1979-01-30',
      sex: 'M',
      expiryDate: '2033-01-01',
    });
    const res = await call(t.server, undefined, 'POST', '/api/people/registrations', {
      mrz: `${l1}\n${l2}`,
      name: { surname: 'Одинаев', givenNames: 'Комрон' },
      email: 'komron@test.corridor',
      password: 'a-long-password',
    });
    expect(res.status).toBe(201);
    const [item] = await reviewsOf(res.body.personId);
    expect(item).toMatchObject({ status: 'open', caseId: res.body.caseId, entry: { listId: 'EB-3' } });
  });

  test('a single name is checked against the list in force within the request', async () => {
    const res = await call(t.server, officerA, 'POST', '/api/screening/check', { name: 'Шарипов Далер', birthDate: '1990-06-01' });
    expect(res.status).toBe(200);
    expect(res.body.hits).toEqual([expect.objectContaining({ decision: 'review', entry: expect.objectContaining({ listId: 'EB-2' }) })]);
    const none = await call(t.server, officerA, 'POST', '/api/screening/check', { name: 'Шарипов Далер', birthDate: '1991-06-01' });
    expect(none.body.hits).toEqual([]);
  });
});
