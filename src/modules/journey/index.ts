/** Journey: corridors and their rule sets, recruitment rounds, the case and its transitions, deadlines. */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import { caseRoutes } from './case.routes';
import { corridorRoutes } from './corridor.routes';
import { journeyPermissions } from './journey.permissions';
import { preDepartureRoutes } from './pre-departure.routes';
import { afterContractRoutes } from './after-contract.routes';

export { journeyPermissions };
export { transitionCase, openCase, getCaseDetail, caseDeadlines, listCasesInStatuses, type TransitionInput, type TransitionOutcome } from './case.service';
export type { CaseRow } from './case.repository';
export { evaluatePoolEligibility, type RequirementStatus } from './case.guards';
export {
  registerCaseGuard,
  registerPoolRequirement,
  registerCaseVisibility,
  registerDeadlineSource,
  registerTransferTargetCheck,
  registerTransitionListener,
  type CaseView,
  type TransitionEvent,
} from './case.extensions';
export { makeDeadline, DEADLINE_KINDS, type Deadline, type DeadlineKind } from './case.deadlines';
export {
  CASE_STATUSES,
  TERMINAL_STATUSES,
  CASE_ACTIONS,
  TRANSITIONS,
  MAIN_PATH,
  availableActions,
  nextStatus,
  findTransition,
  pathToStatus,
  type CaseStatus,
  type CaseAction,
  type Transition,
} from './case.workflow';
export { upsertCorridor, createRound, findOpenRound } from './corridor.service';
export { setCaseEmployer, getCorridorRules, findVisibleCase, listVisibleCases } from './case.repository';
export { requestPoolEntryCheck, recordPreDeparture, importPreDepartureRecord } from './pre-departure.service';

export { importCaseHistory, type HistoricalStep } from './case.history';
export { CorridorRules, type Corridor } from './corridor.schema';

export function journeyRoutes(db: Db): RouteDefinition[] {
  return [...caseRoutes(db), ...preDepartureRoutes(db), ...afterContractRoutes(db), ...corridorRoutes(db)];
}
