import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { keepApart, listDuplicates, mergeDuplicate, reopenDuplicate } from './duplicates.service';
import { parseMrz } from './passport/mrz';
import { DestinationNameCorrection, DuplicateCandidate, PersonDetail, Registered, Registration } from './person.schema';
import { correctDestinationName, getPersonDetail } from './person.service';
import { registerApplicant } from './registration.service';

const IdParams = z.object({ id: z.uuid() });

const MrzCheck = z.object({
  ok: z.boolean(),
  fields: z
    .object({
      surname: z.string(),
      givenNames: z.string(),
      documentNumber: z.string(),
      nationality: z.string(),
      birthDate: z.string(),
      sex: z.enum(['M', 'F', 'X']),
      expiryDate: z.string(),
    })
    .optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

export function peopleRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/people/mrz-check',
      permission: 'public',
      summary: 'Check a passport MRZ (ICAO 9303 TD3) field by field without storing anything',
      tags: ['people'],
      schema: { body: z.object({ mrz: z.string().max(300) }), response: { 200: MrzCheck } },
      handler: async ({ body }) => {
        const result = parseMrz(body.mrz);
        return result.ok ? { ok: true, fields: result.mrz, errors: [] } : { ok: false, errors: [...result.errors] };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people/registrations',
      permission: 'public',
      summary: 'Sign up as an applicant: passport MRZ, name in Tajik Cyrillic, contacts, password; opens a case in the open round',
      tags: ['people'],
      schema: { body: Registration, response: { 201: Registered } },
      handler: async ({ body, context, reply }) => {
        const registered = await registerApplicant(db, context, body);
        reply.code(201);
        return registered;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/people/duplicates',
      permission: 'person.duplicates',
      summary: 'Probable duplicate registrations with score and reasons',
      tags: ['people'],
      schema: {
        querystring: z.object({ status: z.enum(['open', 'merged', 'kept_apart']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(DuplicateCandidate) }) },
      },
      handler: async ({ query }) => ({ items: await listDuplicates(db, query.status, query.limit) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people/duplicates/:id/merge',
      permission: 'person.duplicates',
      summary: 'Merge the newer registration into the existing person (reversible)',
      tags: ['people'],
      schema: { params: IdParams, response: { 200: DuplicateCandidate } },
      handler: ({ params, principal, context }) => mergeDuplicate(db, principal, context, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people/duplicates/:id/keep-apart',
      permission: 'person.duplicates',
      summary: 'Record that the two are different people',
      tags: ['people'],
      schema: { params: IdParams, response: { 200: DuplicateCandidate } },
      handler: ({ params, principal, context }) => keepApart(db, principal, context, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people/duplicates/:id/reopen',
      permission: 'person.duplicates',
      summary: 'Undo a merge or a keep-apart decision',
      tags: ['people'],
      schema: { params: IdParams, response: { 200: DuplicateCandidate } },
      handler: ({ params, context }) => reopenDuplicate(db, context, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/people/:id',
      permission: 'person.read',
      summary: 'A person: names in three forms, passport, duplicate candidates (audited read)',
      tags: ['people'],
      schema: { params: IdParams, response: { 200: PersonDetail } },
      handler: ({ params, principal, context }) => getPersonDetail(db, principal, context, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/people/:id/destination-name',
      permission: 'person.correct_name',
      summary: 'Correct the Russian form of the name printed on Russian documents (audited)',
      tags: ['people'],
      schema: { params: IdParams, body: DestinationNameCorrection, response: { 200: PersonDetail } },
      handler: async ({ params, body, principal, context }) => {
        await correctDestinationName(db, context, params.id, body);
        return getPersonDetail(db, principal, context, params.id);
      },
    }),
  ];
}
