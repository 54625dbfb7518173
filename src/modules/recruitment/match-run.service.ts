import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { enqueue, findJob, type JobContext } from '../../platform/jobs/queue';
import { listLabourRequests } from '../employers';
import { transitionCase } from '../journey';
import { listMatchableCandidates } from './candidate.service';
import { buildShortlists, DEFAULT_POLICY, fitReasons, solveAssignmentAsync, type MatchInstance, type MatchPolicy, type MatchVacancy } from './matching';
import type { MatchRunView } from './recruitment.schema';
import { LIVE_OFFER_STATUSES, type MatchRunTable } from './recruitment.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'match_run.requested': Record<string, never>;
    'match_run.finished': { assigned: number; objective: number };
    'match_run.published': { proposed: number; shortlisted: number; returned: number };
  }
}

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'recruitment.match_run': { runId: string };
  }
}

const SYSTEM: ActionContext['actor'] = { system: 'matching' };

export async function startMatchRun(
  db: Db,
  principal: Principal,
  context: ActionContext,
  input: { requestId: string; policy?: MatchPolicy },
): Promise<MatchRunView> {
  const id = await inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('match_runs').select('id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) return previous.id;
    const row = await trx
      .insertInto('match_runs')
      .values({ policy: JSON.stringify(input.policy ?? DEFAULT_POLICY), requested_by_user_id: principal.userId, request_id: input.requestId, ...emptyRun })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError('match_run.conflict', { detail: 'this requestId was used already' });
        throw error;
      });
    const jobId = await enqueue(trx, 'recruitment.match_run', { runId: row.id }, { dedupeKey: `match_run:${row.id}`, maxAttempts: 2 });
    await trx
      .updateTable('match_runs')
      .set({ job_id: jobId ?? null })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, context, { type: 'match_run.requested', entityType: 'match_run', entityId: row.id, data: {} });
    return row.id;
  });
  return getMatchRun(db, id);
}

const emptyRun = {
  job_id: null,
  candidates: null,
  vacancies: null,
  seats: null,
  assigned: null,
  objective: null,
  edges: null,
  duration_ms: null,
  error: null,
  published_at: null,
  published_by_user_id: null,
  finished_at: null,
} satisfies Partial<Record<keyof MatchRunTable, null>>;

interface OpenVacancy {
  readonly requestId: string;
  readonly openSeats: number[];
}

/** Approved requests with their open seat numbers (seats without a live offer). */
async function openVacancies(db: Queryable): Promise<{ vacancies: MatchVacancy[]; open: OpenVacancy[] }> {
  const requests = await listLabourRequests(db, { status: 'approved' });
  const live = await db.selectFrom('offers').select(['labour_request_id', 'seat_no']).where('status', 'in', LIVE_OFFER_STATUSES).execute();
  const taken = new Set(live.map((o) => `${o.labour_request_id}|${o.seat_no}`));
  const vacancies: MatchVacancy[] = [];
  const open: OpenVacancy[] = [];
  for (const r of requests) {
    const seats = Array.from({ length: r.seats }, (_, i) => i + 1).filter((s) => !taken.has(`${r.id}|${s}`));
    if (seats.length === 0) continue;
    vacancies.push({
      id: r.id,
      employerId: r.employerOrganizationId,
      occupation: r.occupation,
      region: r.region,
      seats: seats.length,
      minSkillLevel: r.minSkillLevel,
      minRussianLevel: r.minRussianLevel,
      minExperienceYears: r.minExperienceYears,
    });
    open.push({ requestId: r.id, openSeats: seats });
  }
  return { vacancies, open };
}

/**
 * The job: take the pool and the open seats, solve the optimal assignment (progress recorded as it goes),
 * build the shortlists and store them as the run's entries. Quotas were consumed when requests were
 * approved, so approved seats already fit within them. Idempotent: a rerun of the job replaces the entries.
 */
export async function computeMatchRun(runId: string, job: JobContext): Promise<void> {
  const { db } = job;
  const run = await db.selectFrom('match_runs').select(['status', 'policy']).where('id', '=', runId).executeTakeFirst();
  if (!run || run.status === 'done') return;
  await db.updateTable('match_runs').set({ status: 'running' }).where('id', '=', runId).execute();
  const candidates = await listMatchableCandidates(db);
  const { vacancies, open } = await openVacancies(db);
  const instance: MatchInstance = {
    candidates: candidates.map((c) => ({ id: c.caseId, ...c })),
    vacancies,
    quotas: [],
  };
  await job.reportProgress({ done: 0, total: candidates.length });
  const started = performance.now();
  const result = await solveAssignmentAsync(instance, { policy: run.policy, progressEvery: 500, onProgress: (p) => job.reportProgress(p) });
  const durationMs = Math.round(performance.now() - started);
  const entries = buildShortlists(instance, result, run.policy);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('match_run_entries').where('run_id', '=', runId).execute();
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500).map((e) => {
        const candidate = instance.candidates[e.candidate] as MatchInstance['candidates'][number];
        const vacancy = instance.vacancies[e.vacancy] as MatchVacancy;
        const seatNo = open[e.vacancy]?.openSeats[e.seat - 1] ?? e.seat;
        return {
          run_id: runId,
          labour_request_id: vacancy.id,
          seat_no: seatNo,
          case_id: candidate.id,
          position: e.position,
          weight: e.weight,
          reasons: JSON.stringify(fitReasons(candidate, vacancy)),
          decided_at: null,
        };
      });
      if (chunk.length > 0) await trx.insertInto('match_run_entries').values(chunk).execute();
    }
    await trx
      .updateTable('match_runs')
      .set({
        status: 'done',
        candidates: candidates.length,
        vacancies: vacancies.length,
        seats: vacancies.reduce((n, v) => n + v.seats, 0),
        assigned: result.assigned,
        objective: result.objective,
        edges: result.edges,
        duration_ms: durationMs,
        finished_at: new Date(),
      })
      .where('id', '=', runId)
      .execute();
    await audit(
      trx,
      { actor: SYSTEM, requestId: `match_run:${runId}` },
      {
        type: 'match_run.finished',
        entityType: 'match_run',
        entityId: runId,
        data: { assigned: result.assigned, objective: result.objective },
      },
    );
  });
}

export async function failMatchRun(db: Db, runId: string, message: string): Promise<void> {
  await db
    .updateTable('match_runs')
    .set({ status: 'failed', error: message.slice(0, 300), finished_at: new Date() })
    .where('id', '=', runId)
    .execute();
}

function toRunView(r: Awaited<ReturnType<typeof runQuery>>[number], progress: { done: number; total: number } | null): MatchRunView {
  return {
    id: r.id,
    status: r.status,
    policy: { ...r.policy, preferencePoints: [...r.policy.preferencePoints] as [number, number, number] },
    candidates: r.candidates,
    vacancies: r.vacancies,
    seats: r.seats,
    assigned: r.assigned,
    objective: r.objective === null ? null : Number(r.objective),
    edges: r.edges,
    durationMs: r.duration_ms,
    error: r.error,
    progress,
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

const runQuery = (db: Queryable) => db.selectFrom('match_runs').selectAll().orderBy('created_at', 'desc').limit(50).execute();

export async function listMatchRuns(db: Db): Promise<MatchRunView[]> {
  const rows = await runQuery(db);
  return Promise.all(rows.map(async (r) => toRunView(r, r.job_id && r.status !== 'done' ? ((await findJob(db, r.job_id))?.progress ?? null) : null)));
}

export async function getMatchRun(db: Queryable, id: string): Promise<MatchRunView> {
  const row = await db.selectFrom('match_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('match_run.not_found');
  const progress = row.job_id ? ((await findJob(db, row.job_id))?.progress ?? null) : null;
  return toRunView(row, progress);
}

/** Two runs side by side: seats filled per request and how many assignments they share. */
export async function compareMatchRuns(db: Db, a: string, b: string) {
  const [runA, runB] = [await getMatchRun(db, a), await getMatchRun(db, b)];
  const rows = await db
    .selectFrom('match_run_entries')
    .select(['run_id', 'labour_request_id', 'case_id'])
    .where('run_id', 'in', [a, b])
    .where('position', '=', 1)
    .execute();
  const perRequest = new Map<string, { assignedA: number; assignedB: number }>();
  const pairs = { a: new Set<string>(), b: new Set<string>() };
  for (const r of rows) {
    const entry = perRequest.get(r.labour_request_id) ?? { assignedA: 0, assignedB: 0 };
    if (r.run_id === a) entry.assignedA += 1;
    else entry.assignedB += 1;
    perRequest.set(r.labour_request_id, entry);
    (r.run_id === a ? pairs.a : pairs.b).add(`${r.labour_request_id}|${r.case_id}`);
  }
  const same = [...pairs.a].filter((p) => pairs.b.has(p)).length;
  return {
    a: runA,
    b: runB,
    perRequest: [...perRequest.entries()].map(([labourRequestId, v]) => ({ labourRequestId, ...v })),
    sameAssignments: same,
    onlyInA: pairs.a.size - same,
    onlyInB: pairs.b.size - same,
  };
}

/**
 * Publish a finished run as the shortlists employers choose from: earlier proposals are superseded, the
 * run's entries whose seat is still open and whose candidate is still available become proposals, their
 * candidates move from the pool to `shortlisted`, and candidates left on no shortlist go back to the pool.
 */
export async function publishMatchRun(db: Db, context: ActionContext, runId: string): Promise<MatchRunView> {
  await inTransaction(db, async (trx) => {
    const run = await trx.selectFrom('match_runs').select(['status', 'published_at']).where('id', '=', runId).forUpdate().executeTakeFirst();
    if (!run) throw new DomainError('match_run.not_found');
    if (run.status !== 'done') throw new DomainError('match_run.not_done.conflict', { detail: `the run is ${run.status}` });
    if (run.published_at) throw new DomainError('match_run.conflict', { detail: 'the run is published already' });
    await trx.updateTable('match_run_entries').set({ status: 'superseded' }).where('status', '=', 'proposed').execute();
    const live = await trx.selectFrom('offers').select(['labour_request_id', 'seat_no']).where('status', 'in', LIVE_OFFER_STATUSES).execute();
    const taken = new Set(live.map((o) => `${o.labour_request_id}|${o.seat_no}`));
    const entries = await trx
      .selectFrom('match_run_entries as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .innerJoin('labour_requests as r', 'r.id', 'e.labour_request_id')
      .select(['e.id', 'e.case_id', 'e.labour_request_id', 'e.seat_no', 'c.status as case_status', 'r.status as request_status'])
      .where('e.run_id', '=', runId)
      .execute();
    const proposed = entries.filter(
      (e) =>
        e.request_status === 'approved' &&
        !taken.has(`${e.labour_request_id}|${e.seat_no}`) &&
        (e.case_status === 'in_pool' || e.case_status === 'shortlisted'),
    );
    const proposedIds = proposed.map((e) => e.id);
    for (let i = 0; i < proposedIds.length; i += 500) {
      await trx
        .updateTable('match_run_entries')
        .set({ status: 'proposed' })
        .where('id', 'in', proposedIds.slice(i, i + 500))
        .execute();
    }
    await trx.updateTable('match_run_entries').set({ status: 'closed' }).where('run_id', '=', runId).where('status', '=', 'computed').execute();
    const toShortlist = [...new Set(proposed.filter((e) => e.case_status === 'in_pool').map((e) => e.case_id))];
    for (const caseId of toShortlist) await transitionCase(trx, context, { caseId, action: 'shortlist', requestId: `publish:${runId}:${caseId}` }, 'module');
    const onList = new Set(proposed.map((e) => e.case_id));
    const idle = await trx.selectFrom('cases').select('id').where('status', '=', 'shortlisted').execute();
    const toReturn = idle.map((c) => c.id).filter((id) => !onList.has(id));
    for (const caseId of toReturn)
      await transitionCase(
        trx,
        context,
        { caseId, action: 'return_to_pool', requestId: `unpublish:${runId}:${caseId}`, reason: 'not on the new shortlists' },
        'module',
      );
    await trx
      .updateTable('match_runs')
      .set({ published_at: new Date(), published_by_user_id: 'userId' in context.actor ? context.actor.userId : null })
      .where('id', '=', runId)
      .execute();
    await audit(trx, context, {
      type: 'match_run.published',
      entityType: 'match_run',
      entityId: runId,
      data: { proposed: proposed.length, shortlisted: toShortlist.length, returned: toReturn.length },
    });
  });
  return getMatchRun(db, runId);
}

export const countEntries = (db: Queryable, runId: string) =>
  db
    .selectFrom('match_run_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
