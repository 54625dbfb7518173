import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { listPreDeparture, PreDepartureInput, recordPreDeparture, revokePreDeparture } from './pre-departure.service';

const Record = z.object({
  id: z.uuid(),
  kind: z.enum(['orientation', 'language_certificate']),
  completedOn: z.iso.date(),
  reference: z.string().nullable(),
  score: z.number().int().nullable(),
  recordedAt: z.string(),
});
const Records = z.object({ items: z.array(Record) });

export function preDepartureRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/pre-departure',
      permission: 'case.eligibility.read',
      summary: 'Orientation and language certificate recorded on the case',
      tags: ['cases'],
      schema: { params: z.object({ id: z.uuid() }), response: { 200: Records } },
      handler: async ({ params, principal }) => ({ items: await listPreDeparture(db, principal, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/pre-departure',
      permission: 'case.pre_departure.record',
      summary: 'Record the orientation course or the Russian-language certificate (idempotent by requestId)',
      tags: ['cases'],
      schema: { params: z.object({ id: z.uuid() }), body: PreDepartureInput, response: { 200: Records } },
      handler: async ({ params, body, principal, context }) => {
        await recordPreDeparture(db, principal, context, params.id, body);
        return { items: await listPreDeparture(db, principal, params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/pre-departure/:recordId/revoke',
      permission: 'case.pre_departure.record',
      summary: 'Withdraw a record entered in error',
      tags: ['cases'],
      schema: { params: z.object({ id: z.uuid(), recordId: z.uuid() }), response: { 200: Records } },
      handler: async ({ params, principal, context }) => {
        await revokePreDeparture(db, principal, context, params.id, params.recordId);
        return { items: await listPreDeparture(db, principal, params.id) };
      },
    }),
  ];
}
