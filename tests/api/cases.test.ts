import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../src/platform/database/database';
import { CASE_ACTIONS, CASE_STATUSES, findTransition, pathToStatus, transitionCase, type CaseStatus } from '../../src/modules/journey';
import { isDomainError } from '../../src/platform/errors';
import type { Principal, Role } from '../../src/platform/auth/roles';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD, type TestUser } from '../support/factories';

let t: TestApp;
let roundId: string;
let agency: TestUser;
let employer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  agency = await createOfficial(t.db, 'origin_agency');
  employer = await createOfficial(t.db, 'employer');
});
afterAll(() => t.close());

describe('GET /api/cases/:id', () => {
  test('shows the applicant his case with timeline, next step and deadline', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'registered',
      nextStep: { code: 'book_medical', deadline: { kind: 'round_booking' } },
      allowedActions: ['withdraw'],
    });
    expect(res.body.person.names.destination.surname).toBe('Рахмонов');
  });

  test("answers 404 for another applicant's case and for an employer that did not select the candidate", async () => {
    const mine = await createApplicant(t.db, roundId);
    const other = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    const session = await signInAs(t.server, mine.email, TEST_PASSWORD);
    expect((await call(t.server, session, 'GET', `/api/cases/${other.caseId}`)).status).toBe(404);
    const employerSession = await signInAs(t.server, employer.email, TEST_PASSWORD);
    const res = await call(t.server, employerSession, 'GET', `/api/cases/${other.caseId}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  test('refuses unauthenticated access with 401 problem+json', async () => {
    const res = await call(t.server, undefined, 'GET', '/api/cases');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
  });

  test("audits an official reading a person's identity", async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}`);
    const row = await t.db
      .selectFrom('audit_events')
      .select(['event_type', 'actor_user_id'])
      .where('entity_id', '=', applicant.personId ?? '')
      .where('event_type', '=', 'case.identity_read')
      .executeTakeFirst();
    expect(row?.actor_user_id).toBe(agency.id);
  });

  test('audits an official reading a page of the case list, naming the cases on it; the applicant reading his own leaves none', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const page = await call(t.server, session, 'GET', '/api/cases?limit=5');
    expect(page.status).toBe(200);
    const row = await t.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'data'])
      .where('event_type', '=', 'case.list_read')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_user_id).toBe(agency.id);
    expect((row.data as { caseIds: string[] }).caseIds).toEqual(page.body.items.map((i: { id: string }) => i.id));
    expect(JSON.stringify(row.data)).not.toMatch(/surname|birth/i);
    const own = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const before = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await call(t.server, own, 'GET', '/api/cases')).body.items).toHaveLength(1);
    const after = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('POST /api/cases/:id/actions', () => {
  test('moves a case, records the action and the audit event, and is idempotent by requestId', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('contracted'));
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const body = { action: 'depart', requestId: `req-${applicant.caseId}` };
    const first = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'departed' });
    expect(first.body.departedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const retry = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, body);
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('departed');
    const actions = await t.db.selectFrom('case_actions').select('action').where('case_id', '=', applicant.caseId).where('action', '=', 'depart').execute();
    expect(actions).toHaveLength(1);
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', applicant.caseId)
      .where('event_type', '=', 'case.transitioned')
      .execute();
    expect(events.map((e) => e.data)).toContainEqual({ action: 'depart', from: 'contracted', to: 'departed' });
  });

  test('answers 409 with the allowed actions for an illegal transition', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'depart', requestId: 'req-illegal-1' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'case.transition_not_allowed', status: 409, allowedActions: ['close'] });
  });

  test('refuses a module-only action through the API', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'book_medical', requestId: 'req-module-only' });
    expect(res.status).toBe(409);
    expect(res.body.allowedActions).toEqual(['withdraw']);
  });

  test('requires a reason to close and answers 422 with the field path', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'close', requestId: 'req-close-noreason' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
  });

  test('refuses entering the pool while eligibility cannot be established (fails closed)', async () => {
    const applicant = await createApplicant(t.db, roundId, pathToStatus('screened_clear'));
    const session = await signInAs(t.server, agency.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'enter_pool', requestId: 'req-pool-1' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('case.guard_failed');
    const status = await t.db.selectFrom('cases').select('status').where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    expect(status.status).toBe('screened_clear');
  });

  test('rejects a malformed body with 422 and field paths, and a broken JSON body with 400', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const res = await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'fly', requestId: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.action', 'body.requestId']);
    const broken = await t.server.inject({
      method: 'POST',
      url: `/api/cases/${applicant.caseId}/actions`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      payload: '{"action":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'request.malformed' });
  });

  test('requires the CSRF header for cookie sessions', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    const res = await call(t.server, { ...session, csrfToken: 'wrong' }, 'POST', `/api/cases/${applicant.caseId}/actions`, {
      action: 'withdraw',
      requestId: 'req-csrf-1',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf.forbidden');
  });
});

describe('transitionCase (every status × action through the service)', () => {
  const principalFor = (user: TestUser, role: Role): Principal => ({
    userId: user.id,
    role,
    organizationId: user.organizationId,
    personId: user.personId,
    displayName: 'x',
    locale: 'en',
    via: 'session',
  });

  test('applies exactly the listed transitions for a role that holds them, refuses all others', async () => {
    let attempts = 0;
    for (const status of CASE_STATUSES) {
      const applicant = await createApplicant(t.db, roundId, pathToStatus(status), { employerOrganizationId: employer.organizationId ?? undefined });
      for (const action of CASE_ACTIONS) {
        const transition = findTransition(status as CaseStatus, action);
        const role = transition?.roles.find((r) => r !== 'system') ?? (transition ? 'system' : 'origin_agency');
        const actor =
          role === 'system'
            ? { system: 'test' }
            : role === 'applicant'
              ? principalFor(applicant, 'applicant')
              : role === 'employer'
                ? principalFor(employer, 'employer')
                : principalFor(agency, role);
        // Run in a transaction that always rolls back, so the case stays in `status` for the next action.
        const attempt = (as: Principal | { system: string }) =>
          inTransaction(t.db, async (trx) => {
            const requestId = `matrix-${applicant.caseId}-${action}-${attempts}`;
            const result = await transitionCase(
              trx,
              { actor: as, requestId },
              { caseId: applicant.caseId, action, requestId, reason: 'test reason' },
              'module',
            ).then(
              (r) => ({ ok: true as const, to: r.to }),
              (e: unknown) => ({ ok: false as const, code: isDomainError(e) ? e.code : String(e) }),
            );
            throw Object.assign(new Error('rollback'), { result });
          }).catch((e: { result?: unknown }) => e.result);
        const outcome = await attempt(actor);
        attempts += 1;
        // A role the table does not list is refused whatever the status.
        expect(await attempt(principalFor(agency, 'auditor')), `${status} × ${action} as auditor`).toEqual({ ok: false, code: 'case.transition_not_allowed' });
        if (!transition) {
          expect(outcome, `${status} × ${action}`).toEqual({ ok: false, code: 'case.transition_not_allowed' });
        } else if (transition.guards?.length) {
          expect(outcome, `${status} × ${action}`).toEqual({ ok: false, code: 'case.guard_failed' });
        } else {
          expect(outcome, `${status} × ${action}`).toEqual({ ok: true, to: transition.to });
        }
      }
    }
    expect(attempts).toBe(CASE_STATUSES.length * CASE_ACTIONS.length);
  }, 180_000);
});
