import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Queryable, Tx } from '../database/database';
import type { JobProgress } from '../database/platform-tables';

/**
 * Job names and payloads. Modules add theirs by augmenting this interface. Payloads carry ids and options,
 * never personal data; handlers are idempotent because a job can run again after a crash.
 */
export interface JobPayloads {
  'platform.jobs_cleanup': { keepDays: number };
}

export type JobName = keyof JobPayloads & string;

export interface EnqueueOptions {
  readonly runAt?: Date;
  readonly dedupeKey?: string;
  readonly maxAttempts?: number;
}

/** Enqueue in the caller's transaction: the job exists if and only if its cause committed. */
export async function enqueue<N extends JobName>(trx: Tx, name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<number | undefined> {
  const row = await trx
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload),
      run_at: options.runAt ?? new Date(),
      max_attempts: options.maxAttempts ?? 8,
      dedupe_key: options.dedupeKey ?? null,
      locked_until: null,
      progress: null,
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface JobContext {
  readonly db: Db;
  readonly jobId: number;
  readonly attempt: number;
  reportProgress(progress: JobProgress): Promise<void>;
}

export interface JobHandler<N extends JobName> {
  readonly payload: z.ZodType<JobPayloads[N]>;
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}

const handlers = new Map<string, JobHandler<JobName>>();

export function registerJobHandler<N extends JobName>(name: N, handler: JobHandler<N>): void {
  handlers.set(name, handler as unknown as JobHandler<JobName>);
}

/** How long a taken job stays locked before another worker may assume its worker died. */
const LOCK_SECONDS = 300;

export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 2 ** attempt);
}

export interface JobView {
  readonly id: number;
  readonly name: string;
  readonly status: string;
  readonly attempts: number;
  readonly progress: JobProgress | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export async function findJob(db: Queryable, id: number): Promise<JobView | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      status: row.status,
      attempts: row.attempts,
      progress: row.progress,
      lastError: row.last_error,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    }
  );
}

async function takeJob(db: Db, names: readonly string[]) {
  if (names.length === 0) return undefined;
  const result = await sql<{ id: number; name: string; payload: unknown; attempts: number; max_attempts: number }>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LOCK_SECONDS})
    where id = (
      select id from jobs
      where name in (${sql.join(names)})
        and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
      order by run_at, id
      for update skip locked
      limit 1)
    returning id, name, payload, attempts, max_attempts`.execute(db);
  return result.rows[0];
}

/**
 * Runs one job. Returns false when there was nothing to do.
 * A handler error puts the job back with exponential back-off, or marks it failed after max_attempts.
 */
export async function runNextJob(db: Db): Promise<boolean> {
  const job = await takeJob(db, [...handlers.keys()]);
  if (!job) return false;
  const handler = handlers.get(job.name);
  const context: JobContext = {
    db,
    jobId: job.id,
    attempt: job.attempts,
    reportProgress: async (progress) => {
      await db
        .updateTable('jobs')
        .set({ progress: JSON.stringify(progress), locked_until: sql<Date>`now() + make_interval(secs => ${LOCK_SECONDS})` })
        .where('id', '=', job.id)
        .execute();
    },
  };
  try {
    if (!handler) throw new Error(`no handler for ${job.name}`);
    const payload = handler.payload.parse(job.payload);
    await handler.handle(payload, context);
    await db.updateTable('jobs').set({ status: 'done', finished_at: new Date(), locked_until: null }).where('id', '=', job.id).execute();
  } catch (error) {
    const message =
      error instanceof Error ? (('code' in error && typeof error.code === 'string' ? `${error.code}: ` : '') + error.message).slice(0, 500) : 'error';
    const failed = job.attempts >= job.max_attempts;
    await db
      .updateTable('jobs')
      .set({
        status: failed ? 'failed' : 'queued',
        last_error: message,
        locked_until: null,
        run_at: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
        finished_at: failed ? new Date() : null,
      })
      .where('id', '=', job.id)
      .execute();
  }
  return true;
}

const recurring = new Map<string, { intervalMs: number; payload: unknown }>();

/**
 * Run a job every `intervalMs`. Each interval is one slot; the slot number is the job's dedupe key, so
 * however many app nodes run workers, each slot is enqueued once.
 */
export function registerRecurringJob<N extends JobName>(name: N, intervalMs: number, payload: JobPayloads[N]): void {
  recurring.set(name, { intervalMs, payload });
}

export async function enqueueDueRecurringJobs(db: Db, now = Date.now()): Promise<void> {
  for (const [name, { intervalMs, payload }] of recurring) {
    const slot = Math.floor(now / intervalMs);
    await db
      .insertInto('jobs')
      .values({
        name,
        payload: JSON.stringify(payload),
        dedupe_key: `${name}@${slot}`,
        locked_until: null,
        progress: null,
        last_error: null,
        finished_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/** A polling worker; several can run against one database (SKIP LOCKED), including on other app nodes. */
export class JobWorker {
  private running = false;
  private lastRecurringCheck = 0;
  private current: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 500,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Ask the worker to look for work now (after this process enqueued something). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.current;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        if (Date.now() - this.lastRecurringCheck > 30_000) {
          this.lastRecurringCheck = Date.now();
          await enqueueDueRecurringJobs(this.db);
        }
        worked = await runNextJob(this.db);
      } catch (error) {
        this.onError(error);
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}

/** Run jobs until none is ready (tests and the CLI use this to drain the queue deterministically). */
export async function drainJobs(db: Db, limit = 10_000): Promise<number> {
  let count = 0;
  while (count < limit && (await runNextJob(db))) count += 1;
  return count;
}

/** Finished jobs are kept a while for inspection, then removed. */
registerJobHandler('platform.jobs_cleanup', {
  payload: z.object({ keepDays: z.number().int().positive() }),
  handle: async ({ keepDays }, { db }) => {
    await db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', new Date(Date.now() - keepDays * 86_400_000))
      .execute();
  },
});
registerRecurringJob('platform.jobs_cleanup', 86_400_000, { keepDays: 30 });
