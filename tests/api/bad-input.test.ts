import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/app';
import { rolesFor } from '../../src/platform/auth/permissions';
import type { Role } from '../../src/platform/auth/roles';
import { createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  t = await createTestApp();
  const roundId = await createCorridorAndRound(t.db);
  const applicant = await createApplicant(t.db, roundId);
  sessions.set('applicant', await signInAs(t.server, applicant.email, TEST_PASSWORD));
});
afterAll(() => t.close());

async function sessionFor(role: Role): Promise<Session> {
  const existing = sessions.get(role);
  if (existing) return existing;
  const user = await createOfficial(t.db, role as Exclude<Role, 'applicant'>);
  const session = await signInAs(t.server, user.email, TEST_PASSWORD);
  sessions.set(role, session);
  return session;
}

const junkSegment = fc.oneof(fc.string({ maxLength: 40 }), fc.constant('00000000-0000-4000-8000-000000000000'), fc.integer().map(String), fc.constant('%00'), fc.constant('..'));
const junkBody = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 200 }), fc.constant('{"unterminated":'), fc.constant(''));
const junkQuery = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 4 });

describe('bad input on every route', () => {
  test('answers 4xx problem+json, never 5xx, for random params, queries and bodies', async () => {
    const routes = allRoutes(t.app.database, t.config);
    const failures: string[] = [];
    for (const route of routes) {
      const role = route.permission === 'public' ? undefined : [...rolesFor(route.permission)][0];
      const session = role ? await sessionFor(role) : undefined;
      await fc.assert(
        fc.asyncProperty(fc.array(junkSegment, { minLength: 3, maxLength: 3 }), junkQuery, junkBody, async (segments, query, body) => {
          let i = 0;
          const path = route.url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(segments[i++ % segments.length] ?? ''));
          const qs = new URLSearchParams(query).toString();
          const response = await t.server.inject({
            method: route.method,
            url: `${path}${qs ? `?${qs}` : ''}`,
            headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), 'content-type': 'application/json' },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          if (response.statusCode >= 500 || (response.statusCode >= 400 && !String(response.headers['content-type']).includes('application/problem+json'))) {
            failures.push(`${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          }
        }),
        { numRuns: 25, seed: 20261128 },
      );
    }
    expect(failures).toEqual([]);
  });
});
