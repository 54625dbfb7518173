import { z } from 'zod';
import { audit } from '../../platform/audit/audit';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { findJob } from '../../platform/jobs/queue';
import { getCurrentList } from './list-cache';
import { entryRecord } from './matching';
import { countReviews, getReview, listReviews } from './review.queries';
import { clearMatch, confirmRefusal, proposeRefusal } from './review.service';
import { CheckBody, CheckResult, DecisionBody, ImportBody, ImportResult, JobStatus, ListVersion, ReviewItem, ReviewQuery } from './screening.schema';
import { importWatchlist, listVersions } from './watchlist.service';

const IdParams = z.object({ id: z.uuid() });

function decisionRoute(db: Db, url: string, summary: string, decide: typeof clearMatch): RouteDefinition {
  return defineRoute({
    method: 'POST',
    url,
    permission: 'screening.review',
    summary,
    tags: ['screening'],
    schema: { params: IdParams, body: DecisionBody, response: { 200: ReviewItem } },
    handler: async ({ params, body, principal, context }) => {
      await decide(db, principal, context, params.id, body);
      return getReview(db, principal, params.id);
    },
  });
}

export function screeningRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/screening/reviews',
      permission: 'screening.review',
      summary: 'The review queue: pending matches (or those of one status), best first, with counts by status',
      tags: ['screening'],
      schema: { querystring: ReviewQuery, response: { 200: z.object({ items: z.array(ReviewItem), counts: z.record(z.string(), z.number().int()) }) } },
      handler: async ({ query, principal }) => ({ items: await listReviews(db, principal, query), counts: await countReviews(db) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/screening/reviews/:id',
      permission: 'screening.review',
      summary: 'One match: the person, the list entry, score and reasons (an audited read of identity)',
      tags: ['screening'],
      schema: { params: IdParams, response: { 200: ReviewItem } },
      handler: ({ params, principal, context }) =>
        inTransaction(db, async (trx) => {
          const item = await getReview(trx, principal, params.id);
          await audit(trx, context, { type: 'screening.match_read', entityType: 'person', entityId: item.person.id, data: { matchId: item.id } });
          return item;
        }),
    }),
    decisionRoute(db, '/api/screening/reviews/:id/clear', 'Clear a match (a namesake); a held case with nothing pending is cleared', clearMatch),
    decisionRoute(db, '/api/screening/reviews/:id/propose-refusal', 'Propose a refusal (a second officer confirms)', proposeRefusal),
    decisionRoute(db, '/api/screening/reviews/:id/confirm-refusal', 'Confirm a refusal proposed by another officer; the case is refused', confirmRefusal),
    defineRoute({
      method: 'GET',
      url: '/api/screening/lists',
      permission: 'watchlist.manage',
      summary: 'List versions, newest (in force) first, with the progress of their pool rescreen',
      tags: ['screening'],
      schema: { response: { 200: z.object({ items: z.array(ListVersion) }) } },
      handler: async () => ({ items: await listVersions(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/screening/lists',
      permission: 'watchlist.manage',
      summary: 'Import a list (CSV of DESIGN.md section 8) as a new version; all or nothing, row-level errors; rescreens the pool in the background',
      tags: ['screening'],
      bodyLimit: 60 * 1024 * 1024,
      schema: { body: ImportBody, response: { 201: ImportResult } },
      handler: async ({ body, context, reply }) => {
        const result = await importWatchlist(db, context, body);
        reply.code(201);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/screening/jobs/:id',
      permission: 'watchlist.manage',
      summary: 'Progress of a rescreen job',
      tags: ['screening'],
      schema: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 53),
        }),
        response: { 200: JobStatus },
      },
      handler: async ({ params }) => {
        const job = await findJob(db, params.id);
        if (!job || !job.name.startsWith('screening.')) throw new DomainError('job.not_found');
        return {
          id: job.id,
          status: job.status,
          progress: job.progress ? { done: job.progress.done, total: job.progress.total } : null,
          finishedAt: job.finishedAt?.toISOString() ?? null,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/screening/check',
      permission: 'screening.check',
      summary: 'Screen one name and birth date against the list in force, answered within the request (nothing stored)',
      tags: ['screening'],
      schema: { body: CheckBody, response: { 200: CheckResult } },
      handler: ({ body }) =>
        inTransaction(db, async (trx) => {
          const list = await getCurrentList(trx);
          if (!list) return { listVersion: null, compared: 0, hits: [] };
          const { hits, compared } = list.index.screen(entryRecord({ name: body.name, birthDate: body.birthDate }));
          const ids = hits.slice(0, 20).map((h) => Number(h.entry.id));
          const entries = ids.length ? await trx.selectFrom('watchlist_entries').selectAll().where('id', 'in', ids).execute() : [];
          const byId = new Map(entries.map((e) => [String(e.id), e]));
          return {
            listVersion: list.version,
            compared,
            hits: hits.slice(0, 20).flatMap((h) => {
              const e = byId.get(h.entry.id);
              return e
                ? [
                    {
                      entry: {
                        listId: e.list_id,
                        name: e.name,
                        birthDate: e.birth_date,
                        gender: e.gender,
                        passportNumber: e.passport_number,
                        nationality: e.nationality,
                      },
                      decision: h.verdict.decision ?? ('review' as const),
                      score: h.verdict.score,
                      reasons: h.verdict.reasons,
                    },
                  ]
                : [];
            }),
          };
        }),
    }),
  ];
}
