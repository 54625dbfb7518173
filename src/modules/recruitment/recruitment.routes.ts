import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { getCandidateProfile, listPool, saveCandidateProfile } from './candidate.service';
import { getContractPdf, signContract } from './contract.service';
import { compareMatchRuns, getMatchRun, listMatchRuns, publishMatchRun, startMatchRun } from './match-run.service';
import { acceptOffer, declineOffer, rejectCandidate, selectCandidate, sendOffer } from './offer.service';
import { getOffer, listOffers, listRunEntries, listShortlist } from './recruitment.queries';
import {
  CandidateProfile,
  CandidateProfileInput,
  ContractView,
  EntryView,
  MatchRunView,
  OfferView,
  PoolCandidate,
  RequestId,
  RunComparison,
  SelectInput,
  StartRunInput,
  OfferStatusSchema,
} from './recruitment.schema';

const Id = z.object({ id: z.uuid() });

export function recruitmentRoutes(db: Db, config: Config): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/candidate-profile',
      permission: 'candidate_profile.read',
      summary: "A candidate's stated occupation, levels, experience, skills and preferred regions (null before stated)",
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: z.object({ profile: CandidateProfile.nullable() }) } },
      handler: async ({ params, principal }) => ({ profile: await getCandidateProfile(db, principal, params.id) }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/cases/:id/candidate-profile',
      permission: 'candidate_profile.edit',
      summary: 'State or change the candidate profile (until an employer selects the candidate)',
      tags: ['recruitment'],
      schema: { params: Id, body: CandidateProfileInput, response: { 200: CandidateProfile } },
      handler: ({ params, principal, context, body }) => saveCandidateProfile(db, principal, context, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/recruitment/pool',
      permission: 'pool.read',
      summary: 'The candidate pool: cases in the pool or on a shortlist, with profiles and waiting time',
      tags: ['recruitment'],
      schema: { response: { 200: z.object({ items: z.array(PoolCandidate) }) } },
      handler: async () => ({ items: await listPool(db) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/recruitment/runs',
      permission: 'match_run.read',
      summary: 'Matching runs, newest first, with progress while running',
      tags: ['recruitment'],
      schema: { response: { 200: z.object({ items: z.array(MatchRunView) }) } },
      handler: async () => ({ items: await listMatchRuns(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/recruitment/runs',
      permission: 'match_run.start',
      summary: 'Start a matching run (background job; idempotent by requestId)',
      tags: ['recruitment'],
      schema: { body: StartRunInput, response: { 200: MatchRunView } },
      handler: ({ principal, context, body }) => startMatchRun(db, principal, context, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/recruitment/runs/:id',
      permission: 'match_run.read',
      summary: 'One matching run with its shortlist entries',
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: z.object({ run: MatchRunView, entries: z.array(EntryView) }) } },
      handler: async ({ params }) => ({ run: await getMatchRun(db, params.id), entries: await listRunEntries(db, params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/recruitment/runs/:id/compare',
      permission: 'match_run.read',
      summary: 'Compare a run with another (seats filled per request, shared assignments)',
      tags: ['recruitment'],
      schema: { params: Id, querystring: z.object({ with: z.uuid() }), response: { 200: RunComparison } },
      handler: ({ params, query }) => compareMatchRuns(db, params.id, query.with),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/recruitment/runs/:id/publish',
      permission: 'match_run.publish',
      summary: 'Publish a finished run as the shortlists employers choose from',
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: MatchRunView } },
      handler: ({ params, context }) => publishMatchRun(db, context, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/labour-requests/:id/shortlist',
      permission: 'shortlist.read',
      summary: "A request's shortlists: per seat the optimal candidate and up to two alternates, with reasons",
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: z.object({ items: z.array(EntryView) }) } },
      handler: async ({ params, principal }) => ({ items: await listShortlist(db, principal, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/shortlist-entries/:id/select',
      permission: 'shortlist.decide',
      summary: "Select a candidate for a seat: the seat and the candidate are held on the request's terms (idempotent by requestId)",
      tags: ['recruitment'],
      schema: { params: Id, body: SelectInput, response: { 200: OfferView } },
      handler: async ({ params, principal, context, body }) =>
        getOffer(db, principal, await selectCandidate(db, principal, context, params.id, body.requestId)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/shortlist-entries/:id/reject',
      permission: 'shortlist.decide',
      summary: "Take a candidate off a seat's shortlist",
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: z.object({ ok: z.literal(true) }) } },
      handler: async ({ params, principal, context }) => {
        await rejectCandidate(db, principal, context, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/offers',
      permission: 'offer.read',
      summary: 'Offers visible to the caller, with their contracts',
      tags: ['recruitment'],
      schema: {
        querystring: z.object({ status: OfferStatusSchema.optional() }),
        response: { 200: z.object({ items: z.array(OfferView) }) },
      },
      handler: async ({ principal, query }) => ({ items: await listOffers(db, principal, { status: query.status }) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/offers/:id',
      permission: 'offer.read',
      summary: 'One offer with its contract',
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: OfferView } },
      handler: ({ params, principal }) => getOffer(db, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/offers/:id/send',
      permission: 'offer.send',
      summary: "Send the offer for an employer's selection: the candidate's answer deadline starts",
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: OfferView } },
      handler: async ({ params, principal, context }) => {
        await sendOffer(db, context, params.id);
        return getOffer(db, principal, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/offers/:id/accept',
      permission: 'offer.answer',
      summary: 'Accept an offer before its deadline; the standard contract is generated',
      tags: ['recruitment'],
      schema: { params: Id, response: { 200: OfferView } },
      handler: async ({ params, principal, context }) => {
        await acceptOffer(db, principal, context, params.id);
        return getOffer(db, principal, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/offers/:id/decline',
      permission: 'offer.answer',
      summary: 'Decline an offer: back to the pool, the seat reopens for its alternates',
      tags: ['recruitment'],
      schema: { params: Id, body: z.object({ requestId: RequestId }), response: { 200: OfferView } },
      handler: async ({ params, principal, context, body }) => {
        await declineOffer(db, principal, context, params.id, body.requestId);
        return getOffer(db, principal, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/contracts/:id/pdf',
      permission: 'contract.read',
      summary: 'The contract PDF (its SHA-256 in the x-content-sha256 header)',
      tags: ['recruitment'],
      produces: 'application/pdf',
      schema: { params: Id },
      handler: async ({ params, principal, reply }) => {
        const { pdf, sha256 } = await getContractPdf(db, principal, params.id);
        reply.header('x-content-sha256', sha256).header('content-disposition', `attachment; filename="contract-${params.id.slice(0, 8)}.pdf"`);
        return pdf;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/contracts/:id/sign',
      permission: 'contract.sign',
      summary: 'Sign the contract (the hash of the PDF signed); when both have signed the case is contracted',
      tags: ['recruitment'],
      schema: { params: Id, body: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }), response: { 200: ContractView } },
      handler: async ({ params, principal, context, body, request }) => {
        await signContract(
          db,
          principal,
          context,
          params.id,
          body.sha256,
          { ip: request.ip, channel: principal.via },
          { secretKey: config.secretKey, vault: config },
        );
        const offers = await listOffers(db, principal);
        const contract = offers.find((o) => o.contract?.id === params.id)?.contract;
        return contract as ContractView;
      },
    }),
  ];
}
