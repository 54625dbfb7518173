import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/app';
import { verifyAuditChain } from '../../src/platform/audit/audit';
import { pathToStatus } from '../../src/modules/journey';
import { call, signInAs, testConfig } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { createApplicant, createCorridorAndRound, createOfficial, TEST_PASSWORD } from '../support/factories';

describe('restarting the server', () => {
  test('keeps all data (embedded database on disk, or the server)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corridor-restart-'));
    const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const config = testConfig(
      server?.url ? { database: { kind: 'postgres', url: server.url } } : { database: { kind: 'pglite', dataDir: join(dataDir, 'db') } },
    );
    try {
      const first = await createApp(config);
      const roundId = await createCorridorAndRound(first.database.db);
      const applicant = await createApplicant(first.database.db, roundId, pathToStatus('contracted'));
      const officer = await createOfficial(first.database.db, 'origin_agency');
      const session = await signInAs(first.server, officer.email, TEST_PASSWORD);
      expect((await call(first.server, session, 'POST', `/api/cases/${applicant.caseId}/actions`, { action: 'depart', requestId: 'restart-1' })).status).toBe(
        200,
      );
      await first.close();

      const second = await createApp(config);
      try {
        const again = await signInAs(second.server, officer.email, TEST_PASSWORD);
        const res = await call(second.server, again, 'GET', `/api/cases/${applicant.caseId}`);
        expect(res.body.status).toBe('departed');
        // The session from before the restart is still valid: sessions live in the database.
        expect((await call(second.server, session, 'GET', '/api/auth/me')).status).toBe(200);
        expect((await verifyAuditChain(second.database.db)).ok).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await server?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.runIf(Boolean(process.env.DATABASE_URL))('two servers on one PostgreSQL', () => {
  test('share sessions, serialize transitions on the same case, and keep one audit chain', async () => {
    const database = await createTestDatabase();
    const config = testConfig({ database: { kind: 'postgres', url: database.url ?? '' } });
    const a = await createApp(config);
    const b = await createApp(config);
    try {
      const roundId = await createCorridorAndRound(a.database.db);
      const officer = await createOfficial(a.database.db, 'origin_agency');
      const session = await signInAs(a.server, officer.email, TEST_PASSWORD);
      expect((await call(b.server, session, 'GET', '/api/auth/me')).status).toBe(200);

      const cases = await Promise.all(Array.from({ length: 12 }, () => createApplicant(a.database.db, roundId, pathToStatus('contracted'))));
      // Each case is departed by both servers at once with different request ids: exactly one wins.
      const results = await Promise.all(
        cases.flatMap((c, i) => [
          call(a.server, session, 'POST', `/api/cases/${c.caseId}/actions`, { action: 'depart', requestId: `server-a-${i}` }),
          call(b.server, session, 'POST', `/api/cases/${c.caseId}/actions`, { action: 'depart', requestId: `server-b-${i}` }),
        ]),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(12);
      expect(statuses.filter((s) => s === 409)).toHaveLength(12);
      const departs = await a.database.db.selectFrom('case_actions').select('case_id').where('action', '=', 'depart').execute();
      expect(departs).toHaveLength(12);
      expect(await verifyAuditChain(a.database.db)).toMatchObject({ ok: true });
    } finally {
      await a.close();
      await b.close();
      await database.close();
    }
  });
});
