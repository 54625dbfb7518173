import { z } from 'zod';
import { definePermissions } from '../auth/permissions';
import type { Db } from '../database/database';
import { defineRoute, type RouteDefinition } from '../http/route';
import { verifyAuditChain } from './audit';

export const auditPermissions = definePermissions({
  'audit.read': ['auditor'],
});

const AuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  eventType: z.string().max(100).optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/audit/events',
      permission: 'audit.read',
      summary: 'Audit events, newest first (codes and ids only)',
      tags: ['audit'],
      schema: {
        querystring: AuditQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                occurredAt: z.string(),
                actorUserId: z.string().nullable(),
                actorRole: z.string(),
                organizationId: z.string().nullable(),
                eventType: z.string(),
                entityType: z.string(),
                entityId: z.string(),
                data: z.record(z.string(), z.unknown()),
                requestId: z.string().nullable(),
                hash: z.string(),
              }),
            ),
          }),
        },
      },
      handler: async ({ query }) => {
        let q = db.selectFrom('audit_events').selectAll();
        if (query.entityType) q = q.where('entity_type', '=', query.entityType);
        if (query.entityId) q = q.where('entity_id', '=', query.entityId);
        if (query.eventType) q = q.where('event_type', '=', query.eventType);
        if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
        const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute();
        return {
          items: rows.map((r) => ({
            seq: r.seq,
            occurredAt: r.occurred_at.toISOString(),
            actorUserId: r.actor_user_id,
            actorRole: r.actor_role,
            organizationId: r.organization_id,
            eventType: r.event_type,
            entityType: r.entity_type,
            entityId: r.entity_id,
            data: r.data,
            requestId: r.request_id,
            hash: r.hash,
          })),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/audit/verify',
      permission: 'audit.read',
      summary: 'Walk the hash chain and name the first row that does not verify',
      tags: ['audit'],
      schema: {
        response: { 200: z.object({ ok: z.boolean(), rows: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.string() }).optional() }) },
      },
      handler: () => verifyAuditChain(db),
    }),
  ];
}
