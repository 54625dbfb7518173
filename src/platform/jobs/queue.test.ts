import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { inTransaction } from '../database/database';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { drainJobs, enqueue, findJob, registerJobHandler, runNextJob } from './queue';

declare module './queue' {
  interface JobPayloads {
    'test.record': { key: string };
    'test.flaky': { key: string; failTimes: number };
  }
}

const handled: string[] = [];
const attempts = new Map<string, number>();
registerJobHandler('test.record', {
  payload: z.object({ key: z.string() }),
  handle: async ({ key }, context) => {
    await context.reportProgress({ done: 1, total: 1 });
    handled.push(key);
  },
});
registerJobHandler('test.flaky', {
  payload: z.object({ key: z.string(), failTimes: z.number() }),
  handle: async ({ key, failTimes }) => {
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    if (n <= failTimes) throw new Error(`attempt ${n} failed`);
    handled.push(key);
  },
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('enqueue', () => {
  test('a job exists only if the transaction that enqueued it commits', async () => {
    await inTransaction(db.db, async (trx) => {
      await enqueue(trx, 'test.record', { key: 'committed' });
    });
    await inTransaction(db.db, async (trx) => {
      await enqueue(trx, 'test.record', { key: 'rolled-back' });
      throw new Error('rollback');
    }).catch(() => undefined);
    await drainJobs(db.db);
    expect(handled).toContain('committed');
    expect(handled).not.toContain('rolled-back');
  });

  test('a dedupe key makes enqueueing idempotent', async () => {
    const first = await inTransaction(db.db, (trx) => enqueue(trx, 'test.record', { key: 'once' }, { dedupeKey: 'once' }));
    const second = await inTransaction(db.db, (trx) => enqueue(trx, 'test.record', { key: 'once' }, { dedupeKey: 'once' }));
    expect(first).toBeTypeOf('number');
    expect(second).toBeUndefined();
    await drainJobs(db.db);
    expect(handled.filter((k) => k === 'once')).toHaveLength(1);
    const job = await findJob(db.db, first as number);
    expect(job).toMatchObject({ status: 'done', progress: { done: 1, total: 1 } });
  });
});

describe('runNextJob', () => {
  test('retries a failing job with back-off and marks it failed after its last attempt', async () => {
    const retried = await inTransaction(db.db, (trx) => enqueue(trx, 'test.flaky', { key: 'flaky-ok', failTimes: 1 }));
    const doomed = await inTransaction(db.db, (trx) => enqueue(trx, 'test.flaky', { key: 'flaky-never', failTimes: 99 }, { maxAttempts: 2 }));
    await drainJobs(db.db);
    expect(await findJob(db.db, retried as number)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'attempt 1 failed' });
    // Make the back-off pass instead of waiting for it.
    await db.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('status', '=', 'queued')
      .execute();
    await drainJobs(db.db);
    await db.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('status', '=', 'queued')
      .execute();
    await drainJobs(db.db);
    expect(await findJob(db.db, retried as number)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await findJob(db.db, doomed as number)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await runNextJob(db.db)).toBe(false);
  });

  test.runIf(Boolean(process.env.DATABASE_URL))('two workers never take the same job (SKIP LOCKED)', async () => {
    const before = handled.length;
    await inTransaction(db.db, async (trx) => {
      for (let i = 0; i < 40; i += 1) await enqueue(trx, 'test.record', { key: `parallel-${i}` });
    });
    await Promise.all([drainJobs(db.db), drainJobs(db.db), drainJobs(db.db)]);
    const keys = handled.slice(before);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });
});
