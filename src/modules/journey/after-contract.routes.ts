import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { getPatent, NewPatent, PatentPayment, recordPatent, recordPatentPayment } from './patent.service';
import { decideTransfer, listTransfers, requestTransfer, TransferDecision, TransferRequest } from './transfer.service';
import { addTravelGroupMembers, createTravelGroup, departTravelGroup, getCaseTravel, listTravelGroups, NewTravelGroup } from './travel.service';

const CaseId = z.object({ id: z.uuid() });
const Patent = z
  .object({
    number: z.string(),
    region: z.string(),
    issuedOn: z.iso.date(),
    paidThrough: z.iso.date(),
    payments: z.array(z.object({ months: z.number().int(), amountRub: z.number(), paidOn: z.iso.date() })),
  })
  .nullable();
const TravelGroup = z.object({
  id: z.uuid(),
  corridorCode: z.string(),
  name: z.string(),
  departureDate: z.iso.date(),
  route: z.string(),
  departed: z.boolean(),
  members: z.number().int(),
});
const Transfer = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(['pending', 'approved', 'refused']),
  reason: z.string(),
  fromEmployer: z.string().nullable(),
  toEmployer: z.string(),
  originDecision: z.enum(['consent', 'refuse']).nullable(),
  destinationDecision: z.enum(['consent', 'refuse']).nullable(),
  createdAt: z.string(),
});

export function afterContractRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/travel-groups',
      permission: 'travel_group.manage',
      summary: 'Travel groups, newest departure first',
      tags: ['travel'],
      schema: { response: { 200: z.object({ items: z.array(TravelGroup) }) } },
      handler: async () => ({ items: await listTravelGroups(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/travel-groups',
      permission: 'travel_group.manage',
      summary: 'Set up a travel group',
      tags: ['travel'],
      schema: { body: NewTravelGroup, response: { 201: z.object({ id: z.uuid() }) } },
      handler: async ({ body, principal, context, reply }) => {
        reply.code(201);
        return { id: await createTravelGroup(db, principal, context, body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/travel-groups/:id/members',
      permission: 'travel_group.manage',
      summary: 'Add contracted workers to a group',
      tags: ['travel'],
      schema: { params: CaseId, body: z.object({ caseIds: z.array(z.uuid()).min(1).max(500) }), response: { 204: z.null() } },
      handler: async ({ params, body, context, reply }) => {
        await addTravelGroupMembers(db, context, params.id, body.caseIds);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/travel-groups/:id/depart',
      permission: 'travel_group.manage',
      summary: 'Record the departure of the whole group on its date',
      tags: ['travel'],
      schema: { params: CaseId, response: { 200: z.object({ departed: z.number().int() }) } },
      handler: async ({ params, context }) => ({ departed: await departTravelGroup(db, context, params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/travel',
      permission: 'case.travel.read',
      summary: 'The travel group of a case, if any',
      tags: ['travel'],
      schema: {
        params: CaseId,
        response: { 200: z.object({ group: z.object({ name: z.string(), departureDate: z.iso.date(), route: z.string() }).nullable() }) },
      },
      handler: async ({ params, principal }) => ({ group: await getCaseTravel(db, principal, params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/patent',
      permission: 'patent.read',
      summary: 'The work patent and its payments; paid through which day',
      tags: ['patent'],
      schema: { params: CaseId, response: { 200: z.object({ patent: Patent }) } },
      handler: async ({ params, principal }) => ({ patent: await getPatent(db, principal, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/patent',
      permission: 'patent.record',
      summary: 'Record the work patent with its first payment; the case becomes permitted',
      tags: ['patent'],
      schema: { params: CaseId, body: NewPatent, response: { 200: z.object({ patent: Patent }) } },
      handler: async ({ params, body, principal, context }) => {
        await recordPatent(db, principal, context, params.id, body);
        return { patent: await getPatent(db, principal, params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/patent/payments',
      permission: 'patent.record',
      summary: 'Record a patent payment (idempotent by requestId)',
      tags: ['patent'],
      schema: { params: CaseId, body: PatentPayment, response: { 200: z.object({ patent: Patent }) } },
      handler: async ({ params, body, principal, context }) => {
        await recordPatentPayment(db, principal, context, params.id, body);
        return { patent: await getPatent(db, principal, params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cases/:id/transfers',
      permission: 'transfer.request',
      summary: "Ask to move the worker to another employer (needs both agencies' consent)",
      tags: ['transfers'],
      schema: { params: CaseId, body: TransferRequest, response: { 201: z.object({ id: z.uuid() }) } },
      handler: async ({ params, body, principal, context, reply }) => {
        reply.code(201);
        return { id: await requestTransfer(db, principal, context, params.id, body) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/transfers',
      permission: 'transfer.read',
      summary: 'Transfer requests',
      tags: ['transfers'],
      schema: {
        querystring: z.object({ status: z.enum(['pending', 'approved', 'refused']).optional() }),
        response: { 200: z.object({ items: z.array(Transfer) }) },
      },
      handler: async ({ query }) => ({ items: await listTransfers(db, query) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/transfers/:id/decision',
      permission: 'transfer.decide',
      summary: "The agency's consent or refusal",
      tags: ['transfers'],
      schema: { params: CaseId, body: TransferDecision, response: { 200: z.object({ status: z.enum(['pending', 'approved', 'refused']) }) } },
      handler: async ({ params, body, principal, context }) => ({ status: await decideTransfer(db, principal, context, params.id, body.decision) }),
    }),
  ];
}
