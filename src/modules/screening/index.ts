/**
 * Screening: watch lists and their versions, screening of persons and cases, the MVD office's review, the
 * batch CLI and the name-matching engine (`matching/`, pure). Registers at load: the `screening_clear` pool
 * requirement, the jobs that screen a case and rescreen the pool, and the name matcher and registration hook
 * of people.
 */
import { z } from 'zod';
import type { Db, Tx } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import { enqueue, registerJobHandler } from '../../platform/jobs/queue';
import { inTransaction } from '../../platform/database/database';
import { registerPoolRequirement, registerTransitionListener } from '../journey';
import { registerNameMatcher, registerRegistrationHook } from '../people';
import { createNameMatcher } from './name-matcher';
import { rescreenPool } from './rescreen.job';
import { PENDING_MATCH_STATUSES, screenCase, screenRegistration } from './screening.service';
import { screeningRoutes as routes } from './screening.routes';
import './screening.permissions';

export { screeningPermissions } from './screening.permissions';
export * as matching from './matching';
export { screenFiles, loadListFile, type BatchProgress, type BatchSummary } from './batch/run-batch';
export { generateEvaluationSet, type GenerateOptions, type GeneratedSet } from './evaluation/generate';
export { evaluateMatches, readTruth, type Evaluation } from './evaluation/evaluate';
export { importWatchlist, insertWatchlistVersion, parseListCsv, type ImportResult } from './watchlist.service';
export { resetListCache, getCurrentList } from './list-cache';
export { recordHits, screenPersonRow, setCaseScreening, screenCase } from './screening.service';
export { NEUTRAL_REFUSAL_REASON } from './review.service';

export function screeningRoutes(db: Db): RouteDefinition[] {
  return routes(db);
}

registerNameMatcher(createNameMatcher());
registerRegistrationHook(screenRegistration);

registerJobHandler('screening.screen_case', {
  payload: z.object({ caseId: z.uuid() }),
  handle: async ({ caseId }, job) => {
    await inTransaction(job.db, (trx) => screenCase(trx, caseId, `job-${job.jobId}`));
  },
});

/** A case that reaches medical_cleared is screened by a job enqueued in the transaction of that transition. */
registerTransitionListener('screening.screen_on_clearance', async (trx, _context, event) => {
  if (event.to === 'medical_cleared') await enqueueCaseScreening(trx, event.caseId, event.requestId);
});

registerJobHandler('screening.rescreen_pool', {
  payload: z.object({ versionId: z.uuid() }),
  handle: rescreenPool,
});

/** Pool eligibility: the case was screened clear and nothing is pending or refused for the person since. */
registerPoolRequirement('screening_clear', async (trx, kase) => {
  const screening = await trx.selectFrom('case_screenings').select('outcome').where('case_id', '=', kase.id).executeTakeFirst();
  if (screening?.outcome !== 'clear') return { met: false, detail: screening ? `screening_${screening.outcome}` : 'not_screened' };
  const blocking = await trx
    .selectFrom('screening_matches')
    .select('id')
    .where('person_id', '=', kase.personId)
    .where('status', 'in', [...PENDING_MATCH_STATUSES, 'refused'])
    .limit(1)
    .executeTakeFirst();
  return blocking ? { met: false, detail: 'screening_pending' } : { met: true };
});

/** Screen one case in the background (idempotent per cause). */
export async function enqueueCaseScreening(trx: Tx, caseId: string, cause: string): Promise<void> {
  await enqueue(trx, 'screening.screen_case', { caseId }, { dedupeKey: `screening.screen_case:${caseId}:${cause}` });
}
