import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { workingDaysDeadline, type WorkCalendar } from '../../platform/calendar';
import { inTransaction, type Database, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { formatName } from '../people';
import { checkAttachment } from './grievance.attachments';
import type { GrievanceActionRequest, GrievanceDetail, NewGrievance, NewMessage } from './grievance.schema';
import {
  ACK_WORKING_DAYS,
  AUTO_CLOSE_DAYS,
  findGrievanceTransition,
  grievanceActionsFor,
  type GrievanceAction,
  type GrievanceStatus,
} from './grievance.workflow';
import { notifyPerson } from './notification.service';
import type { GrievanceCategory } from './welfare.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'grievance.filed': { category: GrievanceCategory; source: 'worker' | 'system' };
    'grievance.transitioned': { action: GrievanceAction; from: GrievanceStatus; to: GrievanceStatus; requestId?: string };
    'grievance.message_posted': { audience: 'worker' | 'internal' | 'employer'; attachments: number };
    'grievance.escalated': Record<string, never>;
    'grievance.attachment_read': { attachmentId: string };
  }
}

const CALENDAR_FILE = fileURLToPath(new URL('../../../reference/calendars/RU.json', import.meta.url));
let officeCalendar: WorkCalendar | undefined;

/** The working calendar of the destination office (reference data). */
export function getOfficeCalendar(): WorkCalendar {
  if (!officeCalendar) {
    const data = JSON.parse(readFileSync(CALENDAR_FILE, 'utf8')) as { timezone: string; holidays: string[]; workingWeekends: string[] };
    officeCalendar = { timezone: data.timezone, holidays: new Set(data.holidays), workingWeekends: new Set(data.workingWeekends) };
  }
  return officeCalendar;
}

/** Who sees which grievance: the worker his own, the Moscow office all, the origin agency escalated ones, an employer only those the office brought to it. */
export function grievanceVisibleTo(eb: ExpressionBuilder<Database, 'grievances'>, principal: Principal): Expression<SqlBool> {
  switch (principal.role) {
    case 'applicant':
      return principal.personId ? eb('grievances.person_id', '=', principal.personId) : eb.val(false);
    case 'consular_office':
      return eb.val(true);
    case 'origin_agency':
      return eb('grievances.escalated_at', 'is not', null);
    case 'employer':
      return principal.organizationId
        ? eb.and([eb('grievances.employer_contacted_at', 'is not', null), eb('grievances.employer_organization_id', '=', principal.organizationId)])
        : eb.val(false);
    default:
      return eb.val(false);
  }
}

/** Message audiences each role may read. */
function audiencesFor(principal: Principal): Array<'worker' | 'internal' | 'employer'> {
  switch (principal.role) {
    case 'applicant':
      return ['worker'];
    case 'employer':
      return ['employer'];
    default:
      return ['worker', 'internal', 'employer'];
  }
}

async function nextReference(trx: Tx): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('grievance_reference_seq') as n`.execute(trx);
  return `G-${new Date().getUTCFullYear()}-${String(rows[0]?.n ?? '0').padStart(6, '0')}`;
}

async function insertMessage(
  trx: Tx,
  context: ActionContext,
  grievanceId: string,
  input: { body: string; audience: 'worker' | 'internal' | 'employer'; attachments: NewMessage['attachments']; requestId: string; authorRole?: string },
) {
  const attachments = input.attachments.map(checkAttachment);
  const actor = context.actor;
  const authorRole = input.authorRole ?? ('role' in actor ? actor.role : `system:${actor.system}`);
  const message = await trx
    .insertInto('grievance_messages')
    .values({
      grievance_id: grievanceId,
      author_user_id: 'userId' in actor ? actor.userId : null,
      author_role: authorRole,
      audience: input.audience,
      body: input.body,
      request_id: input.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const a of attachments) {
    await trx
      .insertInto('grievance_attachments')
      .values({
        grievance_id: grievanceId,
        message_id: message.id,
        file_name: a.fileName,
        content_type: a.contentType,
        size_bytes: a.content.length,
        sha256: a.sha256,
        content: a.content,
      })
      .execute();
  }
  await trx.updateTable('grievances').set({ updated_at: new Date() }).where('id', '=', grievanceId).execute();
  await audit(trx, context, {
    type: 'grievance.message_posted',
    entityType: 'grievance',
    entityId: grievanceId,
    data: { audience: input.audience, attachments: attachments.length },
  });
}

export interface FiledGrievance {
  readonly id: string;
  readonly reference: string;
}

async function fileGrievance(
  trx: Tx,
  context: ActionContext,
  input: {
    caseId: string;
    personId: string;
    employerOrganizationId: string | null;
    category: GrievanceCategory;
    language: 'tg' | 'ru' | 'en';
    message: string;
    attachments: NewGrievance['attachments'];
    requestId: string;
    source: 'worker' | 'system';
    filedAt?: Date;
  },
): Promise<FiledGrievance> {
  const reference = await nextReference(trx);
  const row = await trx
    .insertInto('grievances')
    .values({
      reference,
      case_id: input.caseId,
      person_id: input.personId,
      employer_organization_id: input.employerOrganizationId,
      category: input.category,
      language: input.language,
      status: 'open',
      source: input.source,
      ack_due_at: workingDaysDeadline(input.filedAt ?? new Date(), ACK_WORKING_DAYS, getOfficeCalendar()),
      created_at: input.filedAt ?? new Date(),
      acknowledged_at: null,
      escalated_at: null,
      employer_contacted_at: null,
      resolved_at: null,
      request_id: input.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, { type: 'grievance.filed', entityType: 'grievance', entityId: row.id, data: { category: input.category, source: input.source } });
  await insertMessage(trx, context, row.id, {
    body: input.message,
    audience: 'worker',
    attachments: input.attachments,
    requestId: `${input.requestId}:first`,
    authorRole: input.source === 'worker' ? 'applicant' : undefined,
  });
  await notifyPerson(trx, {
    personId: input.personId,
    event: 'grievance.filed',
    messageKey: 'notifications.grievance.filed',
    values: { reference },
    dedupeKey: `grievance:${row.id}:filed`,
  });
  return { id: row.id, reference };
}

/** A worker files a grievance about his case (the newest one unless he names another). */
export async function fileWorkerGrievance(db: Db, principal: Principal, context: ActionContext, input: NewGrievance): Promise<FiledGrievance> {
  return inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('grievances').select(['id', 'reference', 'person_id']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.person_id !== principal.personId) throw new DomainError('grievance.request_conflict');
      return { id: previous.id, reference: previous.reference };
    }
    let query = trx
      .selectFrom('cases')
      .select(['id', 'person_id', 'employer_organization_id'])
      .where('person_id', '=', principal.personId ?? '');
    query = input.caseId ? query.where('id', '=', input.caseId) : query.orderBy('created_at', 'desc').limit(1);
    const kase = await query.executeTakeFirst();
    if (!kase) throw new DomainError('case.not_found');
    return fileGrievance(trx, context, {
      caseId: kase.id,
      personId: kase.person_id,
      employerOrganizationId: kase.employer_organization_id,
      category: input.category,
      language: principal.locale,
      message: input.message,
      attachments: input.attachments,
      requestId: input.requestId,
      source: 'worker',
    });
  });
}

/** Corridor itself raises a grievance for the worker (a contract changed on arrival), in the caller's transaction. */
export async function raiseSystemGrievance(
  trx: Tx,
  context: ActionContext,
  input: { caseId: string; category: GrievanceCategory; message: string; dedupeKey: string },
): Promise<FiledGrievance> {
  const existing = await trx.selectFrom('grievances').select(['id', 'reference']).where('request_id', '=', input.dedupeKey).executeTakeFirst();
  if (existing) return existing;
  const kase = await trx.selectFrom('cases').select(['id', 'person_id', 'employer_organization_id']).where('id', '=', input.caseId).executeTakeFirst();
  if (!kase) throw new DomainError('case.not_found');
  return fileGrievance(trx, context, {
    caseId: kase.id,
    personId: kase.person_id,
    employerOrganizationId: kase.employer_organization_id,
    category: input.category,
    language: 'ru',
    message: input.message,
    attachments: [],
    requestId: input.dedupeKey,
    source: 'system',
  });
}

async function lockVisibleGrievance(trx: Tx, principal: Principal, id: string) {
  const row = await trx
    .selectFrom('grievances')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => grievanceVisibleTo(eb, principal))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('grievance.not_found');
  return row;
}

/** Post to the thread. The worker writes to the office; the office to the worker, internally, or (once contacted) to the employer. */
export async function postGrievanceMessage(db: Db, principal: Principal, context: ActionContext, grievanceId: string, input: NewMessage): Promise<void> {
  await inTransaction(db, async (trx) => {
    const grievance = await lockVisibleGrievance(trx, principal, grievanceId);
    const duplicate = await trx.selectFrom('grievance_messages').select('grievance_id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (duplicate) {
      if (duplicate.grievance_id !== grievanceId) throw new DomainError('grievance.request_conflict');
      return;
    }
    if (grievance.status === 'closed' || grievance.status === 'withdrawn')
      throw new DomainError('grievance.transition_not_allowed', { detail: 'the grievance is closed' });
    const audience =
      principal.role === 'applicant'
        ? 'worker'
        : principal.role === 'employer'
          ? 'employer'
          : principal.role === 'origin_agency'
            ? 'internal'
            : (input.audience ?? 'worker');
    if (input.audience && input.audience !== audience)
      throw new DomainError('grievance.invalid', { fields: [{ path: 'audience', code: 'not_allowed', message: `your messages go to: ${audience}` }] });
    if (audience === 'employer' && !grievance.employer_contacted_at)
      throw new DomainError('grievance.invalid', { fields: [{ path: 'audience', code: 'employer_not_contacted', message: 'contact the employer first' }] });
    await insertMessage(trx, context, grievanceId, { ...input, audience });
    // An office answer to the worker acknowledges an open grievance; the worker is told either way.
    if (principal.role === 'consular_office' && audience === 'worker') {
      if (grievance.status === 'open') await applyGrievanceTransition(trx, context, grievance.id, 'open', 'acknowledge');
      await notifyPerson(trx, {
        personId: grievance.person_id,
        event: 'grievance.answered',
        messageKey: 'notifications.grievance.answered',
        values: { reference: grievance.reference },
        dedupeKey: `grievance-message:${input.requestId}`,
      });
    }
  });
}

async function applyGrievanceTransition(
  trx: Tx,
  context: ActionContext,
  id: string,
  from: GrievanceStatus,
  action: GrievanceAction,
  requestId?: string,
): Promise<GrievanceStatus> {
  const transition = findGrievanceTransition(from, action);
  if (!transition) throw new DomainError('grievance.transition_not_allowed');
  const now = new Date();
  await trx
    .updateTable('grievances')
    .set({
      status: transition.to,
      updated_at: now,
      ...(action === 'acknowledge' || (action === 'contact_employer' && from === 'open') || (action === 'resolve' && from === 'open')
        ? { acknowledged_at: now }
        : {}),
      ...(action === 'contact_employer' ? { employer_contacted_at: now } : {}),
      ...(action === 'resolve' ? { resolved_at: now } : {}),
      ...(action === 'reopen' ? { resolved_at: null } : {}),
    })
    .where('id', '=', id)
    .execute();
  await audit(trx, context, {
    type: 'grievance.transitioned',
    entityType: 'grievance',
    entityId: id,
    data: { action, from, to: transition.to, ...(requestId ? { requestId } : {}) },
  });
  return transition.to;
}

export async function actOnGrievance(db: Db, principal: Principal, context: ActionContext, grievanceId: string, input: GrievanceActionRequest): Promise<void> {
  await inTransaction(db, async (trx) => {
    const grievance = await lockVisibleGrievance(trx, principal, grievanceId);
    // A retried request changes nothing: it left a message, or (an action without one) its audit event names it.
    const done = await trx.selectFrom('grievance_messages').select('id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (done) return;
    const acted = await trx
      .selectFrom('audit_events')
      .select('seq')
      .where('entity_type', '=', 'grievance')
      .where('entity_id', '=', grievance.id)
      .where('event_type', '=', 'grievance.transitioned')
      .where(sql<string>`data->>'requestId'`, '=', input.requestId)
      .executeTakeFirst();
    if (acted) return;
    const transition = findGrievanceTransition(grievance.status, input.action);
    if (!transition || !transition.roles.includes(principal.role)) {
      throw new DomainError('grievance.transition_not_allowed', {
        extensions: { status: grievance.status, allowedActions: grievanceActionsFor(grievance.status, principal.role) },
      });
    }
    if (transition.message === 'required' && !input.message)
      throw new DomainError('grievance.invalid', { fields: [{ path: 'message', code: 'required', message: 'this action needs a message' }] });
    await applyGrievanceTransition(trx, context, grievance.id, grievance.status, input.action, input.requestId);
    if (input.message) {
      const audience = input.action === 'contact_employer' ? 'employer' : 'worker';
      await insertMessage(trx, context, grievance.id, { body: input.message, audience, attachments: [], requestId: input.requestId });
    }
    if (principal.role !== 'applicant') {
      await notifyPerson(trx, {
        personId: grievance.person_id,
        event: `grievance.${input.action}`,
        messageKey: `notifications.grievance.${input.action}`,
        values: { reference: grievance.reference },
        dedupeKey: `grievance-action:${input.requestId}`,
      });
    }
  });
}

/** Grievances whose acknowledgement is overdue go to the origin agency; the worker is told. Idempotent. */
export async function escalateOverdueGrievances(db: Db, now = new Date()): Promise<number> {
  const context: ActionContext = { actor: { system: 'sla' }, requestId: `sla-${now.toISOString()}` };
  return inTransaction(db, async (trx) => {
    const overdue = await trx
      .updateTable('grievances')
      .set({ escalated_at: now, updated_at: now })
      .where('status', '=', 'open')
      .where('ack_due_at', '<', now)
      .where('escalated_at', 'is', null)
      .returning(['id', 'person_id', 'reference'])
      .execute();
    for (const g of overdue) {
      await audit(trx, context, { type: 'grievance.escalated', entityType: 'grievance', entityId: g.id, data: {} });
      await notifyPerson(trx, {
        personId: g.person_id,
        event: 'grievance.escalated',
        messageKey: 'notifications.grievance.escalated',
        values: { reference: g.reference },
        dedupeKey: `grievance:${g.id}:escalated`,
      });
    }
    return overdue.length;
  });
}

function summaryOf(
  row: {
    id: string;
    reference: string;
    case_id: string;
    category: GrievanceCategory;
    status: GrievanceStatus;
    source: 'worker' | 'system';
    language: 'tg' | 'ru' | 'en';
    created_at: Date;
    ack_due_at: Date;
    acknowledged_at: Date | null;
    escalated_at: Date | null;
    resolved_at: Date | null;
  },
  workerName: string | null,
  now: number,
  principal: Principal,
) {
  return {
    id: row.id,
    reference: row.reference,
    // An employer contacted about a grievance learns neither the worker's name nor his case.
    caseId: principal.role === 'employer' ? null : row.case_id,
    category: row.category,
    status: row.status,
    source: row.source,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    ackDueAt: row.ack_due_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    slaHoursLeft: row.acknowledged_at || row.status !== 'open' ? null : Math.round(((row.ack_due_at.getTime() - now) / 3_600_000) * 10) / 10,
    workerName,
  };
}

/** The worker's name is shown to the offices, never to an employer. */
async function workerNames(db: Queryable, principal: Principal, personIds: string[]): Promise<Map<string, string>> {
  if (principal.role === 'employer' || personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'origin_surname', 'origin_given_names', 'destination_surname', 'destination_given_names'])
    .where('id', 'in', personIds)
    .execute();
  const russian = principal.locale === 'ru' || principal.role === 'consular_office';
  return new Map(
    rows.map((r) => [
      r.id,
      formatName(
        russian ? { surname: r.destination_surname, givenNames: r.destination_given_names } : { surname: r.origin_surname, givenNames: r.origin_given_names },
      ),
    ]),
  );
}

export async function listGrievances(db: Queryable, principal: Principal, filter: { status?: GrievanceStatus; escalated?: 'true' | 'false'; limit: number }) {
  let query = db
    .selectFrom('grievances')
    .selectAll()
    .where((eb) => grievanceVisibleTo(eb, principal));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.escalated) query = query.where('escalated_at', filter.escalated === 'true' ? 'is not' : 'is', null);
  // Open ones first, the most urgent SLA on top.
  const rows = await query
    .orderBy(sql`case when status = 'open' then 0 when status = 'acknowledged' then 1 else 2 end`)
    .orderBy('ack_due_at')
    .limit(filter.limit)
    .execute();
  const names = await workerNames(db, principal, [...new Set(rows.map((r) => r.person_id))]);
  const now = Date.now();
  return rows.map((r) => summaryOf(r, names.get(r.person_id) ?? null, now, principal));
}

export async function getGrievance(db: Queryable, principal: Principal, id: string): Promise<GrievanceDetail> {
  const row = await db
    .selectFrom('grievances')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => grievanceVisibleTo(eb, principal))
    .executeTakeFirst();
  if (!row) throw new DomainError('grievance.not_found');
  const messages = await db
    .selectFrom('grievance_messages')
    .select(['id', 'author_role', 'audience', 'body', 'created_at'])
    .where('grievance_id', '=', id)
    .where('audience', 'in', audiencesFor(principal))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const attachments = messages.length
    ? await db
        .selectFrom('grievance_attachments')
        .select(['id', 'message_id', 'file_name', 'content_type', 'size_bytes'])
        .where(
          'message_id',
          'in',
          messages.map((m) => m.id),
        )
        .execute()
    : [];
  const names = await workerNames(db, principal, [row.person_id]);
  return {
    ...summaryOf(row, names.get(row.person_id) ?? null, Date.now(), principal),
    messages: messages.map((m) => ({
      id: m.id,
      authorRole: m.author_role,
      audience: m.audience,
      body: m.body,
      createdAt: m.created_at.toISOString(),
      attachments: attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes })),
    })),
    allowedActions: grievanceActionsFor(row.status, principal.role),
    employerContacted: row.employer_contacted_at !== null,
  };
}

/** An attachment, if the caller may read the message it came with; the read is audited. */
export async function readAttachment(db: Db, principal: Principal, context: ActionContext, grievanceId: string, attachmentId: string) {
  const row = await db
    .selectFrom('grievance_attachments as a')
    .innerJoin('grievance_messages as m', 'm.id', 'a.message_id')
    .innerJoin('grievances', 'grievances.id', 'a.grievance_id')
    .select(['a.file_name', 'a.content_type', 'a.content'])
    .where('a.id', '=', attachmentId)
    .where('a.grievance_id', '=', grievanceId)
    .where('m.audience', 'in', audiencesFor(principal))
    .where((eb) => grievanceVisibleTo(eb, principal))
    .executeTakeFirst();
  if (!row) throw new DomainError('grievance.not_found');
  await inTransaction(db, (trx) =>
    audit(trx, context, { type: 'grievance.attachment_read', entityType: 'grievance', entityId: grievanceId, data: { attachmentId } }),
  );
  return row;
}

/** Per employer: how many grievances, of which kinds, how many open or escalated, how fast acknowledged. */
export async function grievanceStatistics(db: Queryable) {
  const [counts, medians] = await Promise.all([
    db
      .selectFrom('grievances')
      .leftJoin('organizations', 'organizations.id', 'grievances.employer_organization_id')
      .select((eb) => [
        'grievances.employer_organization_id as organizationId',
        'organizations.name as organizationName',
        'grievances.category',
        eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where grievances.status in ('open', 'acknowledged'))`.as('open'),
        sql<number>`count(*) filter (where grievances.escalated_at is not null)`.as('escalated'),
      ])
      .groupBy(['grievances.employer_organization_id', 'organizations.name', 'grievances.category'])
      .execute(),
    db
      .selectFrom('grievances')
      .select([
        'employer_organization_id as organizationId',
        sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - created_at) / 3600)`.as('medianHours'),
      ])
      .where('acknowledged_at', 'is not', null)
      .groupBy('employer_organization_id')
      .execute(),
  ]);
  const median = new Map(medians.map((m) => [m.organizationId ?? 'none', m.medianHours === null ? null : Math.round(Number(m.medianHours) * 10) / 10]));
  const byEmployer = new Map<
    string,
    {
      organizationId: string | null;
      organizationName: string | null;
      total: number;
      open: number;
      escalated: number;
      byCategory: Record<string, number>;
      medianHoursToAcknowledge: number | null;
    }
  >();
  for (const r of counts) {
    const key = r.organizationId ?? 'none';
    const entry = byEmployer.get(key) ?? {
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      total: 0,
      open: 0,
      escalated: 0,
      byCategory: {},
      medianHoursToAcknowledge: median.get(key) ?? null,
    };
    entry.total += Number(r.total);
    entry.open += Number(r.open);
    entry.escalated += Number(r.escalated);
    entry.byCategory[r.category] = Number(r.total);
    byEmployer.set(key, entry);
  }
  return [...byEmployer.values()].sort((a, b) => b.total - a.total);
}

/** Resolved grievances the worker neither reopened nor closed are closed after AUTO_CLOSE_DAYS. */
export async function closeStaleResolvedGrievances(db: Db, now = new Date()): Promise<number> {
  const context: ActionContext = { actor: { system: 'sla' }, requestId: `auto-close-${now.toISOString()}` };
  return inTransaction(db, async (trx) => {
    const stale = await trx
      .updateTable('grievances')
      .set({ status: 'closed', updated_at: now })
      .where('status', '=', 'resolved')
      .where('resolved_at', '<', new Date(now.getTime() - AUTO_CLOSE_DAYS * 86_400_000))
      .returning('id')
      .execute();
    for (const g of stale)
      await audit(trx, context, {
        type: 'grievance.transitioned',
        entityType: 'grievance',
        entityId: g.id,
        data: { action: 'close', from: 'resolved', to: 'closed' },
      });
    return stale.length;
  });
}

/** Import a grievance a worker filed elsewhere (paper, hotline, the demo), with its original date. */
export async function importWorkerGrievance(
  trx: Tx,
  context: ActionContext,
  input: { caseId: string; category: GrievanceCategory; language: 'tg' | 'ru' | 'en'; message: string; filedAt: Date; importKey: string },
): Promise<FiledGrievance> {
  const existing = await trx.selectFrom('grievances').select(['id', 'reference']).where('request_id', '=', input.importKey).executeTakeFirst();
  if (existing) return existing;
  const kase = await trx.selectFrom('cases').select(['id', 'person_id', 'employer_organization_id']).where('id', '=', input.caseId).executeTakeFirst();
  if (!kase) throw new DomainError('case.not_found');
  return fileGrievance(trx, context, {
    caseId: kase.id,
    personId: kase.person_id,
    employerOrganizationId: kase.employer_organization_id,
    category: input.category,
    language: input.language,
    message: input.message,
    attachments: [],
    requestId: input.importKey,
    source: 'worker',
    filedAt: input.filedAt,
  });
}
