import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/platform/auth/accounts';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createCorridorAndRound, createOfficial, createApplicant, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  test('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const user = await createOfficial(t.db, 'origin_agency');
    const res = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'corridor_session');
    const csrf = res.cookies.find((c) => c.name === 'corridor_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(res.json().csrfToken);
    const row = await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.id_hash).not.toBe(session?.value);
  });

  test('refuses a wrong password and an unknown account with the same answer', async () => {
    const user = await createOfficial(t.db, 'employer');
    const wrong = await call(t.server, undefined, 'POST', '/api/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await call(t.server, undefined, 'POST', '/api/auth/login', { email: 'nobody@test.corridor', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe(unknown.body.code);
  });

  test(`locks an account for a while after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password`, async () => {
    const user = await createOfficial(t.db, 'employer');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      expect((await call(t.server, undefined, 'POST', '/api/auth/login', { email: user.email, password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await call(t.server, undefined, 'POST', '/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('auth.rate_limited');
    expect(locked.headers['retry-after']).toBe('900');
    const stored = await t.db.selectFrom('login_attempts').select(['account_key']).execute();
    expect(stored.some((r) => r.account_key.includes(user.email))).toBe(false);
  });

  test('refuses a disabled account, and disabling ends its open sessions at once', async () => {
    const user = await createOfficial(t.db, 'employer');
    const admin = await createOfficial(t.db, 'admin');
    const session = await signInAs(t.server, user.email, TEST_PASSWORD);
    expect((await call(t.server, session, 'GET', '/api/auth/me')).status).toBe(200);
    const adminSession = await signInAs(t.server, admin.email, TEST_PASSWORD);
    expect((await call(t.server, adminSession, 'POST', `/api/admin/users/${user.id}/disable`)).status).toBe(204);
    expect((await call(t.server, session, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call(t.server, undefined, 'POST', '/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await call(t.server, adminSession, 'POST', `/api/admin/users/${admin.id}/disable`)).status).toBe(422);
  });
});

describe('POST /api/auth/logout', () => {
  test('ends the session so the cookie no longer works', async () => {
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, applicant.email, TEST_PASSWORD);
    expect((await call(t.server, session, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(t.server, session, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(t.server, session, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('API tokens', () => {
  test('a machine client reads with a bearer token without CSRF, until the token is revoked', async () => {
    const officer = await createOfficial(t.db, 'origin_agency');
    const applicant = await createApplicant(t.db, roundId);
    const session = await signInAs(t.server, officer.email, TEST_PASSWORD);
    const created = await call(t.server, session, 'POST', '/api/auth/tokens', { name: 'registry sync', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token.startsWith('cor_')).toBe(true);
    const auth = { authorization: `Bearer ${token}` };
    const read = await t.server.inject({ method: 'GET', url: `/api/cases/${applicant.caseId}`, headers: auth });
    expect(read.statusCode).toBe(200);
    const act = await t.server.inject({
      method: 'POST',
      url: `/api/cases/${applicant.caseId}/actions`,
      headers: auth,
      payload: { action: 'close', requestId: 'token-close-1', reason: 'duplicate application' },
    });
    expect(act.statusCode).toBe(200);
    const listed = await call(t.server, session, 'GET', '/api/auth/tokens');
    expect(listed.body.items[0]).toMatchObject({ name: 'registry sync', prefix: token.slice(0, 10) });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await call(t.server, session, 'DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await t.server.inject({ method: 'GET', url: `/api/cases/${applicant.caseId}`, headers: auth })).statusCode).toBe(401);
  });

  test('a malformed bearer token is refused, not ignored in favour of the cookie', async () => {
    const officer = await createOfficial(t.db, 'origin_agency');
    const session = await signInAs(t.server, officer.email, TEST_PASSWORD);
    const res = await t.server.inject({ method: 'GET', url: '/api/cases', headers: { cookie: session.cookie, authorization: 'Bearer nonsense' } });
    expect(res.statusCode).toBe(401);
  });
});
