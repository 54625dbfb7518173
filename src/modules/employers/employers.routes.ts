import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { findEmployer } from './employer.repository';
import {
  EmployerDecision,
  EmployerDirectoryEntry,
  EmployerRegistration,
  EmployerStatusSchema,
  EmployerView,
  LabourRequestDecision,
  LabourRequestInput,
  LabourRequestView,
  QuotaInput,
  QuotaView,
  SectorBanInput,
} from './employer.schema';
import { getEmployer, listEmployers, registerEmployer, suspendEmployer, verifyEmployer } from './employer.service';
import { decideLabourRequest, getVisibleRequest, listVisibleRequests, submitLabourRequest } from './labour-request.service';
import { listQuotas, setQuota } from './quota.service';
import { minimumWage, reference } from './reference';
import { editSectorBan, listSectorBans } from './sector-bans.service';

const OrgParams = z.object({ id: z.uuid() });
const SectorBanList = z.object({
  items: z.array(z.object({ region: z.string(), sector: z.string(), source: z.enum(['reference', 'agency']), reason: z.string().nullable() })),
});
const Reference = z.object({
  versions: z.object({ occupations: z.string(), regions: z.string(), minimumWages: z.string(), sectorBans: z.string() }),
  occupations: z.array(z.object({ code: z.string(), skillLevel: z.number().int(), en: z.string(), ru: z.string().optional(), tg: z.string().optional() })),
  regions: z.array(z.object({ code: z.string(), en: z.string(), ru: z.string(), minimumWageRub: z.number().int() })),
  sectors: z.array(z.object({ code: z.string(), en: z.string(), ru: z.string(), tg: z.string() })),
});

export function employersRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/reference/recruitment',
      permission: 'reference.read',
      summary: "Reference lists: ISCO-08 occupations, regions (ISO 3166-2:RU) with today's minimum wage, sectors",
      tags: ['reference'],
      schema: { response: { 200: Reference } },
      handler: async () => {
        const ref = reference();
        const today = new Date().toISOString().slice(0, 10);
        return {
          versions: { occupations: ref.occupationsVersion, regions: ref.regionsVersion, minimumWages: ref.wages.version, sectorBans: ref.bansVersion },
          occupations: [...ref.occupations.values()],
          regions: [...ref.regions.values()].map((r) => ({ ...r, minimumWageRub: minimumWage(r.code, today) })),
          sectors: [...ref.sectors.values()],
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/employers/me',
      permission: 'employer.register',
      summary: "The caller's employer registration, or 404 before it is submitted",
      tags: ['employers'],
      schema: { response: { 200: EmployerView } },
      handler: async ({ principal }) => {
        const employer = principal.organizationId ? await findEmployer(db, principal.organizationId) : undefined;
        if (!employer) throw new DomainError('employer.not_found');
        return employer;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/employers/me',
      permission: 'employer.register',
      summary: 'Submit or correct (until verified) the registration data: INN, OGRN/OGRNIP, KPP with check digits',
      tags: ['employers'],
      schema: { body: EmployerRegistration, response: { 200: EmployerView } },
      handler: ({ principal, context, body }) => registerEmployer(db, principal, context, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/employers',
      permission: 'employer.verify',
      summary: 'Employers with their registration data and status',
      tags: ['employers'],
      schema: { querystring: z.object({ status: EmployerStatusSchema.optional() }), response: { 200: z.object({ items: z.array(EmployerView) }) } },
      handler: async ({ query }) => ({ items: await listEmployers(db, query.status) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/employers/directory',
      permission: 'employer.directory',
      summary: 'Verified employers (name, INN, region): the choices for moving a worker to another employer',
      tags: ['employers'],
      schema: { response: { 200: z.object({ items: z.array(EmployerDirectoryEntry) }) } },
      handler: async () => ({
        items: (await listEmployers(db, 'verified')).map((e) => ({ organizationId: e.organizationId, legalName: e.legalName, inn: e.inn, region: e.region })),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/employers/:id',
      permission: 'employer.read',
      summary: 'One employer (an employer sees only his own)',
      tags: ['employers'],
      schema: { params: OrgParams, response: { 200: EmployerView } },
      handler: ({ principal, params }) => getEmployer(db, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/employers/:id/verify',
      permission: 'employer.verify',
      summary: 'Verify (or reinstate) an employer',
      tags: ['employers'],
      schema: { params: OrgParams, response: { 200: EmployerView } },
      handler: ({ params, context }) => verifyEmployer(db, context, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/employers/:id/suspend',
      permission: 'employer.verify',
      summary: 'Suspend an employer, with a reason',
      tags: ['employers'],
      schema: { params: OrgParams, body: EmployerDecision, response: { 200: EmployerView } },
      handler: ({ params, context, body }) => suspendEmployer(db, context, params.id, body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/sector-bans',
      permission: 'sector_ban.read',
      summary: "Sectors barred to foreign patent workers, per region (reference baseline plus the agency's edits)",
      tags: ['reference'],
      schema: { response: { 200: SectorBanList } },
      handler: async () => ({ items: await listSectorBans(db) }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/sector-bans',
      permission: 'sector_ban.edit',
      summary: 'Add or lift a regional sector ban',
      tags: ['reference'],
      schema: { body: SectorBanInput, response: { 200: SectorBanList } },
      handler: async ({ context, body }) => ({ items: await editSectorBan(db, context, body) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/quotas',
      permission: 'quota.read',
      summary: 'Quotas per region × occupation × year with seats used and contracted',
      tags: ['quotas'],
      schema: {
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(QuotaView) }) },
      },
      handler: async ({ query }) => ({ items: await listQuotas(db, { year: query.year }) }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/quotas',
      permission: 'quota.edit',
      summary: 'Set the seats of a region × occupation × year (not below what is used)',
      tags: ['quotas'],
      schema: { body: QuotaInput, response: { 200: QuotaView } },
      handler: ({ context, body }) => setQuota(db, context, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/labour-requests',
      permission: 'labour_request.read',
      summary: 'Labour requests visible to the caller (an employer: his own)',
      tags: ['labour requests'],
      schema: {
        querystring: z.object({ status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']).optional() }),
        response: { 200: z.object({ items: z.array(LabourRequestView) }) },
      },
      handler: async ({ principal, query }) => ({ items: await listVisibleRequests(db, principal, query.status) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/labour-requests',
      permission: 'labour_request.submit',
      summary: 'Submit a labour request (idempotent by requestId); refused below the regional minimum wage',
      tags: ['labour requests'],
      schema: { body: LabourRequestInput, response: { 200: LabourRequestView } },
      handler: ({ principal, context, body }) => submitLabourRequest(db, principal, context, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/labour-requests/:id',
      permission: 'labour_request.read',
      summary: 'One labour request',
      tags: ['labour requests'],
      schema: { params: OrgParams, response: { 200: LabourRequestView } },
      handler: ({ principal, params }) => getVisibleRequest(db, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/labour-requests/:id/decision',
      permission: 'labour_request.decide',
      summary: 'Approve (checks bans, wage and quota, consumes the quota) or reject a labour request',
      tags: ['labour requests'],
      schema: { params: OrgParams, body: LabourRequestDecision, response: { 200: LabourRequestView } },
      handler: ({ params, context, body }) => decideLabourRequest(db, context, params.id, body),
    }),
  ];
}
