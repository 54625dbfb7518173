import { audit, type ActionContext } from '../../platform/audit/audit';
import { isSystemActor, type Principal } from '../../platform/auth/roles';
import { todayIn } from '../../platform/calendar';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs/queue';
import { parsePersonSummaryJson } from '../people';
import { evaluateGuards } from './case.guards';
import { computeCaseDeadlines, sortDeadlines, type Deadline } from './case.deadlines';
import { listDeadlineSources, listTransitionListeners } from './case.extensions';
import { nextStepFor } from './case.next-step';
import {
  applyTransition,
  findActionByRequestId,
  findCaseForUpdate,
  findCasesQuery,
  findVisibleCaseDetail,
  loadDeadlineFacts,
  getCorridorRules,
  insertCase,
  type CaseRow,
} from './case.repository';
import type { CaseActionRequest, CaseDetail } from './case.schema';
import { CorridorRules } from './corridor.schema';
import { availableActions, findTransition, type CaseAction, type CaseStatus } from './case.workflow';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'case.opened': { roundId: string };
    'case.transitioned': { action: CaseAction; from: CaseStatus; to: CaseStatus };
    'case.identity_read': { caseId: string };
    'case.list_read': { caseIds: string[] };
  }
}

export interface TransitionInput {
  readonly caseId: string;
  readonly action: CaseAction;
  readonly requestId: string;
  readonly reason?: string;
  readonly occurredOn?: string;
}

export interface TransitionOutcome {
  readonly caseId: string;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  /** False when the request id had been used already and nothing changed (a harmless retry). */
  readonly changed: boolean;
}

function roleOf(context: ActionContext): Principal['role'] | 'system' {
  return isSystemActor(context.actor) ? 'system' : context.actor.role;
}

function notAllowed(kase: CaseRow, action: CaseAction, context: ActionContext, detail?: string): DomainError {
  return new DomainError('case.transition_not_allowed', {
    detail: detail ?? `action ${action} is not allowed from status ${kase.status}`,
    extensions: { status: kase.status, action, allowedActions: availableActions(kase.status, roleOf(context), 'api') },
  });
}

/**
 * Take one action on a case inside the caller's transaction: lock, check the table, role, channel and
 * guards, move the status, write the action row and the audit event. Modules call it from their own use
 * cases with `via: 'module'`; the API calls it with `via: 'api'`.
 */
export async function transitionCase(trx: Tx, context: ActionContext, input: TransitionInput, via: 'api' | 'module'): Promise<TransitionOutcome> {
  const principal = isSystemActor(context.actor) ? undefined : context.actor;
  const kase = await findCaseForUpdate(trx, input.caseId, via === 'api' ? principal : undefined);
  if (!kase) throw new DomainError('case.not_found');
  const previous = await findActionByRequestId(trx, input.requestId);
  if (previous) {
    if (previous.case_id !== kase.id || previous.action !== input.action) {
      throw new DomainError('case.request_conflict', { detail: 'this requestId was used for another action' });
    }
    return { caseId: kase.id, from: kase.status, to: kase.status, changed: false };
  }
  const transition = findTransition(kase.status, input.action);
  const role = roleOf(context);
  if (!transition || !transition.roles.includes(role) || (via === 'api' && transition.via !== 'api')) {
    throw notAllowed(kase, input.action, context);
  }
  if (transition.reason === 'required' && !input.reason) {
    throw new DomainError('case.invalid', { fields: [{ path: 'reason', code: 'required', message: 'this action needs a reason' }] });
  }
  const unmet = await evaluateGuards(trx, kase, transition.guards ?? []);
  if (unmet.length > 0) {
    throw new DomainError('case.guard_failed', {
      detail: `action ${input.action} needs: ${unmet.map((u) => u.guard).join(', ')}`,
      extensions: { status: kase.status, action: input.action, unmet, allowedActions: availableActions(kase.status, role, 'api') },
    });
  }
  const dates = await recordedDates(trx, kase, transition.records, input.occurredOn);
  const moved = await applyTransition(
    trx,
    {
      caseId: kase.id,
      action: input.action,
      from: kase.status,
      to: transition.to,
      actorUserId: principal?.userId ?? null,
      actorRole: principal ? principal.role : `system:${(context.actor as { system: string }).system}`,
      reason: input.reason ?? null,
      requestId: input.requestId,
    },
    dates,
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError('case.request_conflict', { detail: 'this requestId was used for another action' });
    throw error;
  });
  if (!moved) throw notAllowed(kase, input.action, context, 'the case changed meanwhile');
  await audit(trx, context, {
    type: 'case.transitioned',
    entityType: 'case',
    entityId: kase.id,
    data: { action: input.action, from: kase.status, to: transition.to },
  });
  // A case cleared by screening enters the pool by itself once every requirement is met.
  if (transition.to === 'screened_clear') await enqueue(trx, 'journey.pool_entry', { caseId: kase.id });
  const event = { caseId: kase.id, personId: kase.personId, action: input.action, from: kase.status, to: transition.to, requestId: input.requestId };
  for (const listener of listTransitionListeners()) await listener(trx, context, event);
  return { caseId: kase.id, from: kase.status, to: transition.to, changed: true };
}

async function recordedDates(trx: Tx, kase: CaseRow, records: 'departed_on' | 'arrived_on' | undefined, occurredOn: string | undefined) {
  if (!records) return {};
  const corridor = await getCorridorRules(trx, kase.corridorCode);
  const zone = records === 'departed_on' ? corridor.originTimezone : corridor.destinationTimezone;
  const today = todayIn(zone);
  const date = occurredOn ?? today;
  if (date > today) throw new DomainError('case.invalid', { fields: [{ path: 'occurredOn', code: 'in_future', message: 'the date cannot be in the future' }] });
  if (records === 'arrived_on' && kase.departedOn && date < kase.departedOn) {
    throw new DomainError('case.invalid', { fields: [{ path: 'occurredOn', code: 'before_departure', message: 'arrival cannot be before departure' }] });
  }
  return records === 'departed_on' ? { departedOn: date } : { arrivedOn: date };
}

/** The API's entry point: one transaction, visibility enforced, answers the updated case. */
export async function performCaseAction(db: Db, principal: Principal, context: ActionContext, caseId: string, request: CaseActionRequest): Promise<CaseDetail> {
  await inTransaction(db, (trx) => transitionCase(trx, context, { caseId, ...request }, 'api'));
  return getCaseDetail(db, principal, context, caseId);
}

export async function openCase(trx: Tx, context: ActionContext, personId: string, roundId: string): Promise<string> {
  try {
    const id = await insertCase(trx, personId, roundId);
    await audit(trx, context, { type: 'case.opened', entityType: 'case', entityId: id, data: { roundId } });
    return id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('case.conflict', { detail: 'this person already has a case in this round' });
    throw error;
  }
}

/**
 * A case as the caller may see it. Reads run outside a transaction, in parallel on the pool; an official's
 * read of a person's identity is audited before the data is returned.
 */
export async function getCaseDetail(db: Db, principal: Principal, context: ActionContext, caseId: string): Promise<CaseDetail> {
  const kase = await findVisibleCaseDetail(db, caseId, principal);
  if (!kase) throw new DomainError('case.not_found');
  const deadlinesPromise = caseDeadlines(db, kase, kase.deadlineFacts);
  const person = parsePersonSummaryJson(kase.personJson);
  if (!person) throw new DomainError('case.not_found');
  // Officials reading a person's identity leave a trace; the applicant reading his own case does not.
  if (principal.role !== 'applicant') {
    await inTransaction(db, (trx) =>
      audit(trx, context, { type: 'case.identity_read', entityType: 'person', entityId: kase.personId, data: { caseId: kase.id } }),
    );
  }
  const deadlines = await deadlinesPromise;
  return {
    id: kase.id,
    status: kase.status,
    statusChangedAt: kase.statusChangedAt.toISOString(),
    corridorCode: kase.corridorCode,
    round: { id: kase.roundId, name: kase.roundName, closesOn: kase.roundClosesOn },
    person,
    employerOrganizationId: kase.employerOrganizationId,
    departedOn: kase.departedOn,
    arrivedOn: kase.arrivedOn,
    version: kase.version,
    timeline: kase.timeline.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    allowedActions: availableActions(kase.status, principal.role, 'api'),
    nextStep: nextStepFor(kase.status, deadlines),
    deadlines,
  };
}

/** Every deadline of a case: the journey's own (from the corridor's rules) and those other modules add. */
export async function caseDeadlines(db: Queryable, kase: CaseRow, facts?: Record<string, unknown> | null): Promise<Deadline[]> {
  const rules = CorridorRules.parse(kase.rules);
  const today = { origin: todayIn(kase.originTimezone), destination: todayIn(kase.destinationTimezone) };
  const own = computeCaseDeadlines({ status: kase.status, arrivedOn: kase.arrivedOn, roundClosesOn: kase.roundClosesOn }, rules, today);
  const sources = [...listDeadlineSources()].filter(([, source]) => source.statuses.includes(kase.status));
  if (sources.length === 0) return sortDeadlines(own);
  // The case page selected the facts with the case; other callers read them here, in one query for all sources.
  const values = facts ?? (await loadDeadlineFacts(db, kase.id));
  const extra = sources.flatMap(([name, source]) => source.deadlines(values[name] ?? null, kase, { today, rules }));
  return sortDeadlines([...own, ...extra]);
}

/** Cases in the given statuses, in pages, for jobs that walk them (deadline reminders). */
export async function listCasesInStatuses(db: Queryable, statuses: readonly CaseStatus[], afterId: string | null, limit: number): Promise<CaseRow[]> {
  let query = findCasesQuery(db).where('cases.status', 'in', [...statuses]);
  if (afterId) query = query.where('cases.id', '>', afterId);
  return query.orderBy('cases.id').limit(limit).execute();
}
