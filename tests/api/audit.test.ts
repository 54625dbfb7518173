import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { audit, verifyAuditChain } from '../../src/platform/audit/audit';
import { inTransaction, openDatabase, type DatabaseHandle } from '../../src/platform/database/database';
import { migrate } from '../../src/platform/database/migrate';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const context = { actor: { system: 'test' }, requestId: 'audit-test' };

async function appendEvents(handle: DatabaseHandle, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await inTransaction(handle.db, (trx) =>
      audit(trx, context, { type: 'organization.created', entityType: 'organization', entityId: `org-${i}`, data: { kind: 'clinic' } }),
    );
  }
}

/** Edit a row behind the application's back, the way an attacker with database access would. */
async function tamper(handle: DatabaseHandle, seq: number): Promise<void> {
  await handle.exec(`alter table audit_events disable trigger audit_events_no_update;
    update audit_events set data = '{"kind":"employer"}' where seq = ${seq};
    alter table audit_events enable trigger audit_events_no_update;`);
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/corridor.mjs', ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('verifyAuditChain', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  test('verifies an untouched chain and names the first row edited with raw SQL', async () => {
    await appendEvents(db, 6);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 6 });
    await tamper(db, 4);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 3, broken: { seq: 4, reason: 'hash_mismatch' } });
  });

  test('refuses updates and deletes through the append-only trigger', async () => {
    await expect(sql`update audit_events set actor_role = 'admin' where seq = 1`.execute(db.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 1`.execute(db.db)).rejects.toThrow(/append-only/);
  });

  test('detects a deleted row as a gap', async () => {
    const other = await createTestDatabase();
    try {
      await appendEvents(other, 4);
      await other.exec(
        'alter table audit_events disable trigger audit_events_no_update; delete from audit_events where seq = 2; alter table audit_events enable trigger audit_events_no_update;',
      );
      expect(await verifyAuditChain(other.db)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'gap' } });
    } finally {
      await other.close();
    }
  });
});

describe('corridor audit verify', () => {
  test('exits 0 on an untouched database and 1 naming the row after a raw-SQL edit', async () => {
    const usePostgres = Boolean(process.env.DATABASE_URL);
    const dataDir = mkdtempSync(join(tmpdir(), 'corridor-audit-'));
    const testDb = usePostgres ? await createTestDatabase() : undefined;
    const env: Record<string, string> = usePostgres ? { DATABASE_URL: testDb?.url ?? '' } : { DATA_DIR: dataDir };
    const open = async () => testDb ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'db') }));
    try {
      let handle = await open();
      await migrate(handle.db);
      await appendEvents(handle, 5);
      if (!usePostgres) await handle.close();
      const clean = await cli(['audit', 'verify'], env);
      expect(clean).toMatchObject({ code: 0 });
      expect(clean.stdout).toContain('audit chain ok: 5 rows');
      handle = await open();
      await tamper(handle, 3);
      if (!usePostgres) await handle.close();
      const broken = await cli(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stderr.trim()).toBe('corridor: audit chain broken at seq 3 (hash_mismatch); 2 rows verified before it');
    } finally {
      await testDb?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
