import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { GrievanceActionRequest, GrievanceDetail, GrievanceListQuery, GrievanceStats, GrievanceSummary, NewGrievance, NewMessage } from './grievance.schema';
import {
  actOnGrievance,
  fileWorkerGrievance,
  getGrievance,
  grievanceStatistics,
  listGrievances,
  postGrievanceMessage,
  readAttachment,
} from './grievance.service';
import { listOwnNotifications } from './notification.service';

const Id = z.object({ id: z.uuid() });
/** Room for up to five 5 MiB attachments, base64-encoded. */
const UPLOAD_LIMIT = 36 * 1024 * 1024;

export function welfareRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/grievances',
      permission: 'grievance.file',
      summary: 'File a grievance about my case, with photos or documents (idempotent by requestId)',
      tags: ['grievances'],
      bodyLimit: UPLOAD_LIMIT,
      schema: { body: NewGrievance, response: { 201: GrievanceDetail } },
      handler: async ({ body, principal, context, reply }) => {
        const filed = await fileWorkerGrievance(db, principal, context, body);
        reply.code(201);
        return getGrievance(db, principal, filed.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/grievances',
      permission: 'grievance.read',
      summary: 'Grievances visible to the caller, open ones first by SLA',
      tags: ['grievances'],
      schema: { querystring: GrievanceListQuery, response: { 200: z.object({ items: z.array(GrievanceSummary) }) } },
      handler: async ({ query, principal }) => ({ items: await listGrievances(db, principal, query) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/grievances/statistics',
      permission: 'grievance.statistics',
      summary: 'Grievances per employer: totals, categories, open, escalated, median hours to acknowledge',
      tags: ['grievances'],
      schema: { response: { 200: GrievanceStats } },
      handler: async () => ({ employers: await grievanceStatistics(db) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/grievances/:id',
      permission: 'grievance.read',
      summary: 'A grievance with the messages the caller may read',
      tags: ['grievances'],
      schema: { params: Id, response: { 200: GrievanceDetail } },
      handler: ({ params, principal }) => getGrievance(db, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/grievances/:id/messages',
      permission: 'grievance.message',
      summary: 'Write in the thread (idempotent by requestId)',
      tags: ['grievances'],
      bodyLimit: UPLOAD_LIMIT,
      schema: { params: Id, body: NewMessage, response: { 200: GrievanceDetail } },
      handler: async ({ params, body, principal, context }) => {
        await postGrievanceMessage(db, principal, context, params.id, body);
        return getGrievance(db, principal, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/grievances/:id/actions',
      permission: 'grievance.act',
      summary: 'Acknowledge, contact the employer, resolve, reopen, close or withdraw',
      tags: ['grievances'],
      schema: { params: Id, body: GrievanceActionRequest, response: { 200: GrievanceDetail } },
      handler: async ({ params, body, principal, context }) => {
        await actOnGrievance(db, principal, context, params.id, body);
        return getGrievance(db, principal, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/grievances/:id/attachments/:attachmentId',
      permission: 'grievance.read',
      summary: 'Download an attachment (audited)',
      tags: ['grievances'],
      produces: 'application/octet-stream',
      schema: { params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
      handler: async ({ params, principal, context, reply }) => {
        const file = await readAttachment(db, principal, context, params.id, params.attachmentId);
        if (!file) throw new DomainError('grievance.not_found');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`);
        return reply.type(file.content_type).send(file.content);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/notifications',
      permission: 'notification.read_own',
      summary: 'Messages Corridor sent me (e-mail and SMS)',
      tags: ['notifications'],
      schema: {
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                channel: z.enum(['email', 'sms']),
                event: z.string(),
                body: z.string(),
                status: z.enum(['pending', 'sent', 'failed']),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      handler: async ({ principal }) => ({ items: principal.personId ? await listOwnNotifications(db, principal.personId) : [] }),
    }),
  ];
}
