import type { Expression, ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import type { Principal, Role } from '../../platform/auth/roles';
import type { Database, Tx } from '../../platform/database/database';
import type { CorridorRules, PoolRequirement } from './corridor.schema';
import type { Deadline } from './case.deadlines';
import type { CaseAction, CaseGuard, CaseStatus } from './case.workflow';
import type { ActionContext } from '../../platform/audit/audit';

/**
 * Plug-in points through which later modules add what the journey needs from them, without the journey
 * importing those modules: guards on transitions, pool-eligibility requirements, who may see which case,
 * deadlines and the next step's details. Modules register at start-up from their `index.ts`.
 */
export interface CaseView {
  readonly id: string;
  readonly personId: string;
  readonly status: string;
  readonly employerOrganizationId: string | null;
  readonly arrivedOn: string | null;
  readonly corridorCode: string;
}

export type GuardCheck = (trx: Tx, kase: CaseView) => Promise<{ ok: true } | { ok: false; reason: string }>;
export type RequirementCheck = (trx: Tx, kase: CaseView) => Promise<{ met: boolean; detail?: string }>;
export type VisibilityRule = (eb: ExpressionBuilder<Database, 'cases'>, principal: Principal) => Expression<SqlBool>;
/**
 * A source of deadlines from another part of the journey or another module. Its `fact` is one scalar SQL
 * expression correlated with the `cases` row (a subquery on `cases.id` or `cases.person_id`); the journey
 * selects every source's fact in the same round trip as the case itself, and only in the source's statuses.
 * `deadlines` turns the fact's value (null when there is none) into deadlines, without further reads.
 */
export interface DeadlineSource {
  readonly statuses: readonly CaseStatus[];
  readonly fact: RawBuilder<unknown>;
  readonly deadlines: (fact: unknown, kase: CaseView, context: DeadlineContext) => Deadline[];
}

export interface DeadlineContext {
  /** Today's date in the corridor's origin and destination time zones. */
  readonly today: { readonly origin: string; readonly destination: string };
  readonly rules: CorridorRules;
}

const guards = new Map<CaseGuard, GuardCheck>();
const requirements = new Map<PoolRequirement, RequirementCheck>();
const visibility = new Map<Role, VisibilityRule>();
const deadlineSources = new Map<string, DeadlineSource>();
const transitionListeners = new Map<string, TransitionListener>();
const transferTargetChecks = new Map<string, TransferTargetCheck>();

/** Whether an organization may receive a worker moved from another employer (the employers module: verified). */
export type TransferTargetCheck = (trx: Tx, organizationId: string) => Promise<{ ok: true } | { ok: false; reason: string }>;

export function registerTransferTargetCheck(name: string, check: TransferTargetCheck): void {
  transferTargetChecks.set(name, check);
}

export function listTransferTargetChecks(): TransferTargetCheck[] {
  return [...transferTargetChecks.values()];
}

export interface TransitionEvent {
  readonly caseId: string;
  readonly personId: string;
  readonly action: CaseAction;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly requestId: string;
}

/** Called inside the transaction of every live transition (not of imported history): notifications, follow-ups. */
export type TransitionListener = (trx: Tx, context: ActionContext, event: TransitionEvent) => Promise<void>;

export function registerTransitionListener(name: string, listener: TransitionListener): void {
  transitionListeners.set(name, listener);
}

export function listTransitionListeners(): TransitionListener[] {
  return [...transitionListeners.values()];
}

export function registerCaseGuard(name: CaseGuard, check: GuardCheck): void {
  guards.set(name, check);
}

export function registerPoolRequirement(name: PoolRequirement, check: RequirementCheck): void {
  requirements.set(name, check);
}

/** Replace or add how a role's access to cases is scoped (e.g. clinics: cases booked at the clinic). */
export function registerCaseVisibility(role: Role, rule: VisibilityRule): void {
  visibility.set(role, rule);
}

export function registerDeadlineSource(name: string, source: DeadlineSource): void {
  deadlineSources.set(name, source);
}

export function findGuard(name: CaseGuard): GuardCheck | undefined {
  return guards.get(name);
}

export function findRequirement(name: PoolRequirement): RequirementCheck | undefined {
  return requirements.get(name);
}

export function findVisibility(role: Role): VisibilityRule | undefined {
  return visibility.get(role);
}

export function listDeadlineSources(): ReadonlyMap<string, DeadlineSource> {
  return deadlineSources;
}
