import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/app';
import { rolesFor } from '../../src/platform/auth/permissions';
import { ROLES, type Role } from '../../src/platform/auth/roles';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
const sessions = new Map<Role, Session>();

/** A concrete URL for a route pattern: every path parameter gets a well-formed id that exists nowhere. */
export function concreteUrl(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, '00000000-0000-4000-8000-000000000000');
}

beforeAll(async () => {
  t = await createTestApp();
  const roundId = await createCorridorAndRound(t.db);
  for (const role of ROLES) {
    const user = role === 'applicant' ? await createApplicant(t.db, roundId) : await createOfficial(t.db, role);
    sessions.set(role, await signInAs(t.server, user.email, TEST_PASSWORD));
  }
});
afterAll(() => t.close());

describe('every route × every role', () => {
  test('refuses each role the route does not grant (403), and anonymous callers (401)', async () => {
    // Sign-out ends the caller's session, so it goes last.
    const routes = allRoutes(t.app.database, t.config)
      .filter((r) => r.permission !== 'public')
      .sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    expect(routes.length).toBeGreaterThan(5);
    const unexpected: string[] = [];
    for (const route of routes) {
      const granted = rolesFor(route.permission);
      const url = concreteUrl(route.url);
      const anonymous = await call(t.server, undefined, route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      if (anonymous.status !== 401) unexpected.push(`${route.method} ${route.url} anonymous → ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await call(t.server, sessions.get(role), route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        const refused = res.status === 403 && (res.body as { code?: string }).code === 'auth.forbidden';
        if (granted.has(role) === refused) unexpected.push(`${route.method} ${route.url} as ${role} → ${res.status} (${granted.has(role) ? 'granted' : 'not granted'})`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
