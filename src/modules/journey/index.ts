/** Journey: corridors and their rule sets, recruitment rounds, the case and its transitions, deadlines. */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import { caseRoutes } from './case.routes';
import { corridorRoutes } from './corridor.routes';
import { journeyPermissions } from './journey.permissions';

export { journeyPermissions };
export { transitionCase, openCase, getCaseDetail, type TransitionInput, type TransitionOutcome } from './case.service';
export { evaluatePoolEligibility, type RequirementStatus } from './case.guards';
export { registerCaseGuard, registerPoolRequirement, registerCaseVisibility, registerDeadlineSource, type CaseView } from './case.extensions';
export { makeDeadline, type Deadline, type DeadlineKind } from './case.deadlines';
export {
  CASE_STATUSES,
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
export { setCaseEmployer, getCorridorRules } from './case.repository';
export { importCaseHistory, type HistoricalStep } from './case.history';
export { CorridorRules, type Corridor } from './corridor.schema';

export function journeyRoutes(db: Db): RouteDefinition[] {
  return [...caseRoutes(db), ...corridorRoutes(db)];
}
