/**
 * Recruitment: candidate profiles, the pool, optimal matching runs and their shortlists, selection, offers
 * with deadlines, and the standard bilingual contract signed by both parties.
 */
import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import { registerJobHandler } from '../../platform/jobs/queue';
import { registerContractedCounter } from '../employers';
import { registerCaseGuard } from '../journey';
import { isContractSigned } from './contract.service';
import { computeMatchRun, failMatchRun } from './match-run.service';
import { expireOffer } from './offer.service';
import { recruitmentPermissions } from './recruitment.permissions';
import { recruitmentRoutes as routes } from './recruitment.routes';
import { contractCredentialRoutes } from './contract-credentials.routes';
import { countContractedSeats } from './recruitment.quota-usage';
import './recruitment.tables';

export { recruitmentPermissions };
export { saveCandidateProfile, listMatchableCandidates } from './candidate.service';
export { startMatchRun, computeMatchRun, publishMatchRun, getMatchRun } from './match-run.service';
export { selectCandidate, sendOffer, acceptOffer, declineOffer, expireOffer, expireOverdueOffers } from './offer.service';
export { signContract, createContractForOffer } from './contract.service';
export { sealSignedContract, sealUnsealedContracts, EMPLOYMENT_CONTRACT, PRE_DEPARTURE_CLEARANCE } from './contract.seal';
export { listOffers } from './recruitment.queries';
export * as matching from './matching';

registerCaseGuard('recruitment.contract_signed', async (trx, kase) =>
  (await isContractSigned(trx, kase.id)) ? { ok: true } : { ok: false, reason: 'contract_not_signed_by_both' },
);

registerContractedCounter(countContractedSeats);

registerJobHandler('recruitment.match_run', {
  payload: z.object({ runId: z.uuid() }),
  handle: async ({ runId }, job) => {
    try {
      await computeMatchRun(runId, job);
    } catch (error) {
      await failMatchRun(job.db, runId, error instanceof Error ? error.message : 'error');
      throw error;
    }
  },
});

registerJobHandler('recruitment.offer_expiry', {
  payload: z.object({ offerId: z.uuid() }),
  handle: async ({ offerId }, job) => {
    await expireOffer(job.db, offerId);
  },
});

export function recruitmentRoutes(db: Db, config: Config): RouteDefinition[] {
  return [...routes(db, config), ...contractCredentialRoutes(db, config)];
}
