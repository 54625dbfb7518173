/**
 * After a new list version, every person with an active case is screened again, in batches, with progress.
 * Cases in medical_cleared are decided; cases on hold whose matches are all gone are cleared. Idempotent: a
 * re-run records nothing twice (unique person × version × entry) and skips cases already decided.
 */
import type { JobContext } from '../../platform/jobs/queue';
import { inTransaction } from '../../platform/database/database';
import { transitionCase } from '../journey';
import { getCurrentList } from './list-cache';
import { countPendingMatches, recordHits, SCREENED_STATUSES, screenCase, screenPersonRow, setCaseScreening, SYSTEM_CONTEXT } from './screening.service';

const BATCH = 500;

export async function rescreenPool(payload: { versionId: string }, job: JobContext): Promise<void> {
  const { db } = job;
  const list = await getCurrentList(db);
  // A newer version was imported meanwhile: its own job screens the pool.
  if (!list || list.versionId !== payload.versionId) return;
  const total = Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', SCREENED_STATUSES)
        .executeTakeFirstOrThrow()
    ).n,
  );
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  await job.reportProgress({ done, total });
  for (;;) {
    const cases = await db
      .selectFrom('cases')
      .select(['id', 'person_id', 'status'])
      .where('status', 'in', SCREENED_STATUSES)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (cases.length === 0) break;
    await inTransaction(db, async (trx) => {
      const persons = await trx
        .selectFrom('persons')
        .selectAll()
        .where(
          'id',
          'in',
          cases.map((c) => c.person_id),
        )
        .where('merged_into_person_id', 'is', null)
        .execute();
      const byId = new Map(persons.map((p) => [p.id, p]));
      for (const kase of cases) {
        const person = byId.get(kase.person_id);
        if (!person) continue;
        const requestId = `job-${job.jobId}:${payload.versionId}`;
        if (kase.status === 'medical_cleared') {
          await screenCase(trx, kase.id, requestId);
          continue;
        }
        const context = SYSTEM_CONTEXT(requestId);
        const pending = await recordHits(trx, context, list, person.id, kase.id, await screenPersonRow(list, person));
        if (kase.status === 'screening_hold' && pending === 0) {
          await transitionCase(trx, context, { caseId: kase.id, action: 'clear_screening', requestId: `${requestId}:${kase.id}` }, 'module');
          await setCaseScreening(trx, kase.id, 'clear', list.versionId);
        } else if (kase.status === 'screening_hold') {
          await setCaseScreening(trx, kase.id, 'hold', list.versionId);
        }
      }
    });
    done += cases.length;
    after = cases[cases.length - 1]?.id ?? after;
    await job.reportProgress({ done: Math.min(done, total), total });
  }
  await job.reportProgress({ done: total, total });
}

export { countPendingMatches };
