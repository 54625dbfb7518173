import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, createTestApp, signInAs, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operational endpoints', () => {
  test('GET /health answers ok when the database answers', async () => {
    const res = await call(t.server, undefined, 'GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  test('GET /metrics is Prometheus text with request durations by route pattern', async () => {
    await call(t.server, undefined, 'GET', '/health');
    const res = await call(t.server, undefined, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(res.raw).toContain('# TYPE corridor_http_request_duration_seconds histogram');
    expect(res.raw).toMatch(/corridor_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
  });

  test('GET /openapi.json is OpenAPI 3.1 with every API route, its permission and problem answers', async () => {
    const res = await call(t.server, undefined, 'GET', '/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/cases/{id}/actions', '/api/auth/login']));
    expect(res.body.paths['/api/cases/{id}/actions'].post.description).toContain('case.act');
  });

  test('GET /docs serves the browsable API page', async () => {
    const res = await t.server.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('every answer', () => {
  test('carries security headers including a strict CSP, and a request id', async () => {
    const res = await t.server.inject({ method: 'GET', url: '/api/corridors' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('keeps a well-formed client request id and puts it in problems', async () => {
    const res = await t.server.inject({ method: 'GET', url: '/api/cases', headers: { 'x-request-id': 'client-req-12345' } });
    expect(res.headers['x-request-id']).toBe('client-req-12345');
    expect(res.json()).toMatchObject({ requestId: 'client-req-12345', status: 401 });
  });

  test('answers unknown API paths with a 404 problem', async () => {
    const res = await t.server.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'route.not_found', status: 404 });
  });
});

describe('logs', () => {
  test('never contain names, e-mails, passwords, tokens or request bodies', async () => {
    const roundId = await createCorridorAndRound(t.db);
    const applicant = await createApplicant(t.db, roundId, [], { surname: 'Ҳусейнзода', given: 'Меҳрубон' });
    const officer = await createOfficial(t.db, 'origin_agency');
    await call(t.server, undefined, 'POST', '/api/auth/login', { email: applicant.email, password: 'wrong-password-zz' });
    const session = await signInAs(t.server, officer.email, TEST_PASSWORD);
    await call(t.server, session, 'GET', `/api/cases/${applicant.caseId}?q=${encodeURIComponent('Ҳусейнзода')}`);
    await call(t.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, {
      action: 'close',
      requestId: 'log-check-1',
      reason: 'Reason mentioning Меҳрубон',
    });
    const logs = t.logs.join('');
    expect(logs).toContain('"route":"/api/cases/:id"');
    for (const secret of [
      applicant.email,
      officer.email,
      'wrong-password-zz',
      TEST_PASSWORD,
      'Ҳусейнзода',
      'HUSEYNZODA',
      'Меҳрубон',
      session.csrfToken,
      session.cookie.split('=')[1] ?? 'x',
    ]) {
      expect(logs.includes(secret), secret).toBe(false);
    }
  });
});
