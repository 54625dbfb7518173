import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable, Tx } from '../database/database';
import { isSystemActor, type Actor } from '../auth/roles';

/**
 * Audit event types and their data. Modules add their events by augmenting this interface:
 * `declare module '../../platform/audit/audit' { interface AuditEventData { 'case.transitioned': {...} } }`.
 * Data holds codes, ids and statuses only: never names, documents, tokens or medical details.
 */
export interface AuditEventData {
  'auth.signed_in': Record<string, never>;
  'auth.signed_out': Record<string, never>;
  'auth.sign_in_refused': { reason: 'bad_credentials' | 'disabled' | 'throttled' };
  'auth.token_created': { tokenId: string };
  'auth.token_revoked': { tokenId: string };
  'user.created': { role: string; organizationId: string | null };
  'user.disabled': Record<string, never>;
  'organization.created': { kind: string };
}

export type AuditEventType = keyof AuditEventData;

export type AuditEvent = {
  [K in AuditEventType]: { type: K; entityType: string; entityId: string; data: AuditEventData[K] };
}[AuditEventType];

/** Who acts, and which request: handed from the edge to every service call. */
export interface ActionContext {
  readonly actor: Actor;
  readonly requestId: string;
}

const AUDIT_LOCK = 3_141_592_653;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string;
  organization_id: string | null;
  event_type: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Canonical JSON: object keys sorted at every depth, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const body = canonicalJson([
    row.seq,
    row.id,
    row.occurred_at.toISOString(),
    row.actor_user_id,
    row.actor_role,
    row.organization_id,
    row.event_type,
    row.entity_type,
    row.entity_id,
    row.data,
    row.request_id,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * Append one event to the chain inside the caller's transaction. The advisory lock serializes appenders
 * until commit, so the chain has no forks and no gaps.
 */
export async function audit(trx: Tx, context: ActionContext, event: AuditEvent): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const { actor } = context;
  const system = isSystemActor(actor);
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    occurred_at: new Date(Math.floor(Date.now())),
    actor_user_id: system ? null : actor.userId,
    actor_role: system ? `system:${actor.system}` : actor.role,
    organization_id: system ? null : actor.organizationId,
    event_type: event.type,
    entity_type: event.entityType,
    entity_id: event.entityId,
    data: event.data as Record<string, unknown>,
    request_id: context.requestId,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  await trx
    .insertInto('audit_events')
    .values({ ...row, data: JSON.stringify(row.data), hash })
    .execute();
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly rows: number;
  /** The first row that does not verify, and why. */
  readonly broken?: { readonly seq: number; readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };
}

/** Walk the whole chain in pages and name the first row that does not verify. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<ChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = (await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()) as unknown as AuditRow[];
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, rows, broken: { seq: expectedSeq, reason: 'gap' } };
      if (row.prev_hash !== expectedPrev) return { ok: false, rows, broken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      if (hashAuditRow(row) !== row.hash) return { ok: false, rows, broken: { seq: row.seq, reason: 'hash_mismatch' } };
      expectedPrev = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) return { ok: true, rows };
  }
}
