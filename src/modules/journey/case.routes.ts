import { z } from 'zod';
import { audit } from '../../platform/audit/audit';
import type { Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { findPersonSummaries } from '../people';
import { evaluatePoolEligibility } from './case.guards';
import { countVisibleCasesByStatus, findVisibleCase, listVisibleCases } from './case.repository';
import { CaseActionRequest, CaseDetail, CaseList, CaseListQuery } from './case.schema';
import { getCaseDetail, performCaseAction } from './case.service';
import { inTransaction } from '../../platform/database/database';

const CaseParams = z.object({ id: z.uuid() });

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !z.uuid().safeParse(id).success || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('request.invalid', { fields: [{ path: 'querystring.cursor', code: 'invalid', message: 'not a cursor from this API' }] });
  }
  return { createdAt, id };
}

export function caseRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/cases',
      permission: 'case.list',
      summary: 'List the cases visible to the caller, newest first',
      tags: ['cases'],
      schema: { querystring: CaseListQuery, response: { 200: CaseList } },
      handler: async ({ query, principal, context }) => {
        const after = query.cursor ? decodeCursor(query.cursor) : undefined;
        const rows = await listVisibleCases(db, principal, { status: query.status, limit: query.limit, after });
        // Officials who see a page of names leave a trace naming the cases on it, as for one case.
        if (principal.role !== 'applicant' && rows.length > 0) {
          await inTransaction(db, (trx) =>
            audit(trx, context, {
              type: 'case.list_read',
              entityType: 'case_list',
              entityId: principal.organizationId ?? principal.userId,
              data: { caseIds: rows.map((r) => r.id) },
            }),
          );
        }
        const persons = await findPersonSummaries(
          db,
          rows.map((r) => r.personId),
        );
        const last = rows.length === query.limit ? rows[rows.length - 1] : undefined;
        return {
          items: rows.flatMap((r) => {
            const person = persons.get(r.personId);
            return person
              ? [
                  {
                    id: r.id,
                    status: r.status,
                    statusChangedAt: r.statusChangedAt.toISOString(),
                    corridorCode: r.corridorCode,
                    round: { id: r.roundId, name: r.roundName, closesOn: r.roundClosesOn },
                    person,
                  },
                ]
              : [];
          }),
          nextCursor: last ? encodeCursor(last.createdAt, last.id) : null,
          countsByStatus: await countVisibleCasesByStatus(db, principal),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id',
      permission: 'case.read',
      summary: 'Read a case: status, timeline, next step, deadlines and the actions the caller may take',
      tags: ['cases'],
      schema: { params: CaseParams, response: { 200: CaseDetail } },
      handler: ({ params, principal, context }) => getCaseDetail(db, principal, context, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/actions',
      permission: 'case.act',
      summary: 'Take an action on a case (idempotent by requestId); 409 lists the allowed actions',
      tags: ['cases'],
      schema: { params: CaseParams, body: CaseActionRequest, response: { 200: CaseDetail } },
      handler: ({ params, body, principal, context }) => performCaseAction(db, principal, context, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/eligibility',
      permission: 'case.eligibility.read',
      summary: 'Pool eligibility of a case, requirement by requirement (derived, never typed in)',
      tags: ['cases'],
      schema: {
        params: CaseParams,
        response: {
          200: z.object({
            eligible: z.boolean(),
            requirements: z.array(z.object({ requirement: z.string(), met: z.boolean(), detail: z.string().optional() })),
          }),
        },
      },
      handler: ({ params, principal }) =>
        inTransaction(db, async (trx) => {
          const kase = await findVisibleCase(trx, params.id, principal);
          if (!kase) throw new DomainError('case.not_found');
          const requirements = await evaluatePoolEligibility(trx, kase);
          return { eligible: requirements.every((r) => r.met), requirements };
        }),
    }),
  ];
}
