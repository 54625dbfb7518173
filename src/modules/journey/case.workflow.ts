import type { Role } from '../../platform/auth/roles';

/** The journey of DESIGN.md section 3. */
export const CASE_STATUSES = [
  'registered',
  'medical_booked',
  'medical_not_cleared',
  'medical_cleared',
  'screening_hold',
  'screened_clear',
  'refused',
  'in_pool',
  'shortlisted',
  'selected',
  'offered',
  'contracted',
  'departed',
  'arrived',
  'permitted',
  'employed',
  'completed',
  'returned',
  'withdrawn',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'book_medical',
  'cancel_medical_booking',
  'clear_medical',
  'fail_medical',
  'clear_screening',
  'hold_screening',
  'refuse',
  'enter_pool',
  'shortlist',
  'select',
  'return_to_pool',
  'make_offer',
  'sign_contract',
  'decline_offer',
  'expire_offer',
  'depart',
  'confirm_arrival',
  'record_patent',
  'transfer_employer',
  'start_employment',
  'complete',
  'return_home',
  'withdraw',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Guards are named here and implemented by the module that owns the fact (medical, screening, recruitment).
 * A guard with no implementation registered fails closed.
 */
export const CASE_GUARDS = ['pool.eligible', 'medical.certificate_valid', 'recruitment.contract_signed'] as const;
export type CaseGuard = (typeof CASE_GUARDS)[number];

export interface Transition {
  readonly to: CaseStatus;
  /** Roles that may take the action; `system` for jobs (offer expiry). */
  readonly roles: readonly (Role | 'system')[];
  /**
   * `api`: taken through POST /api/cases/:id/actions. `module`: only as part of another module's use case
   * (booking, sign-off, screening review, matching, offers), which records the facts it needs.
   */
  readonly via: 'api' | 'module';
  readonly guards?: readonly CaseGuard[];
  readonly reason?: 'required' | 'optional';
  /** The action records a calendar date on the case (departure, arrival). */
  readonly records?: 'departed_on' | 'arrived_on';
}

type TransitionTable = { readonly [S in CaseStatus]: { readonly [A in CaseAction]?: Transition } };

const withdraw: Transition = { to: 'withdrawn', roles: ['applicant'], via: 'api', reason: 'optional' };
const close: Transition = { to: 'closed', roles: ['origin_agency'], via: 'api', reason: 'required' };
const exits = { withdraw, close } as const;
const returnHome: Transition = { to: 'returned', roles: ['consular_office', 'origin_agency'], via: 'api', reason: 'required' };
/** A move to another employer keeps the status; it happens once both agencies consent. */
const transfer = (status: 'permitted' | 'employed'): Transition => ({ to: status, roles: ['system'], via: 'module' });

/** The transition table: the only place a case's status can change. The compiler checks every status is listed. */
export const TRANSITIONS = {
  registered: { book_medical: { to: 'medical_booked', roles: ['applicant'], via: 'module' }, ...exits },
  medical_booked: {
    cancel_medical_booking: { to: 'registered', roles: ['applicant'], via: 'module' },
    clear_medical: { to: 'medical_cleared', roles: ['clinic_head'], via: 'module', guards: ['medical.certificate_valid'] },
    fail_medical: { to: 'medical_not_cleared', roles: ['clinic_head'], via: 'module' },
    ...exits,
  },
  medical_not_cleared: { book_medical: { to: 'medical_booked', roles: ['applicant'], via: 'module' }, ...exits },
  medical_cleared: {
    clear_screening: { to: 'screened_clear', roles: ['mvd_office', 'system'], via: 'module' },
    hold_screening: { to: 'screening_hold', roles: ['mvd_office', 'system'], via: 'module' },
    ...exits,
  },
  screening_hold: {
    clear_screening: { to: 'screened_clear', roles: ['mvd_office', 'system'], via: 'module' },
    refuse: { to: 'refused', roles: ['mvd_office'], via: 'module', reason: 'required' },
    ...exits,
  },
  screened_clear: { enter_pool: { to: 'in_pool', roles: ['origin_agency', 'system'], via: 'api', guards: ['pool.eligible'] }, ...exits },
  in_pool: { shortlist: { to: 'shortlisted', roles: ['origin_agency', 'system'], via: 'module' }, ...exits },
  shortlisted: {
    select: { to: 'selected', roles: ['employer'], via: 'module' },
    return_to_pool: { to: 'in_pool', roles: ['origin_agency', 'employer', 'system'], via: 'module' },
    ...exits,
  },
  selected: {
    make_offer: { to: 'offered', roles: ['origin_agency', 'system'], via: 'module' },
    return_to_pool: { to: 'in_pool', roles: ['origin_agency', 'employer', 'system'], via: 'module' },
    ...exits,
  },
  offered: {
    sign_contract: { to: 'contracted', roles: ['applicant', 'employer'], via: 'module', guards: ['recruitment.contract_signed'] },
    decline_offer: { to: 'in_pool', roles: ['applicant'], via: 'module' },
    expire_offer: { to: 'in_pool', roles: ['system'], via: 'module' },
    ...exits,
  },
  contracted: { depart: { to: 'departed', roles: ['origin_agency'], via: 'api', records: 'departed_on' }, ...exits },
  departed: { confirm_arrival: { to: 'arrived', roles: ['employer', 'applicant'], via: 'api', records: 'arrived_on' }, ...exits },
  arrived: { record_patent: { to: 'permitted', roles: ['employer', 'consular_office', 'applicant'], via: 'module' }, return_home: returnHome, ...exits },
  permitted: {
    start_employment: { to: 'employed', roles: ['employer'], via: 'api' },
    transfer_employer: transfer('permitted'),
    return_home: returnHome,
    ...exits,
  },
  employed: {
    complete: { to: 'completed', roles: ['employer', 'consular_office'], via: 'api' },
    transfer_employer: transfer('employed'),
    return_home: returnHome,
    ...exits,
  },
  refused: {},
  completed: {},
  returned: {},
  withdrawn: {},
  closed: {},
} as const satisfies TransitionTable;

export const TERMINAL_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => Object.keys(TRANSITIONS[status]).length === 0);

export function findTransition(status: CaseStatus, action: CaseAction): Transition | undefined {
  return (TRANSITIONS[status] as { readonly [A in CaseAction]?: Transition })[action];
}

/** Pure: the status an action leads to, or undefined when the table does not list it. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | undefined {
  return findTransition(status, action)?.to;
}

/** Actions a role may take from a status through the given channel. */
export function availableActions(status: CaseStatus, role: Role | 'system', via: 'api' | 'module' | 'any' = 'api'): CaseAction[] {
  return (Object.entries(TRANSITIONS[status]) as [CaseAction, Transition][])
    .filter(([, t]) => t.roles.includes(role) && (via === 'any' || t.via === via))
    .map(([action]) => action);
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** The typical path through the journey, for timelines and demo data. */
export const MAIN_PATH: readonly CaseAction[] = [
  'book_medical',
  'clear_medical',
  'clear_screening',
  'enter_pool',
  'shortlist',
  'select',
  'make_offer',
  'sign_contract',
  'depart',
  'confirm_arrival',
  'record_patent',
  'start_employment',
  'complete',
];

/** Statuses along the main path in order (registered first). */
export const MAIN_PATH_STATUSES: readonly CaseStatus[] = MAIN_PATH.reduce<CaseStatus[]>(
  (statuses, action) => {
    const next = nextStatus(statuses[statuses.length - 1] ?? 'registered', action);
    return next ? [...statuses, next] : statuses;
  },
  ['registered'],
);

/** Shortest action path from `registered` to a status over the whole table (tests, imports). */
export function pathToStatus(target: CaseStatus): CaseAction[] {
  const queue: Array<{ status: CaseStatus; path: CaseAction[] }> = [{ status: 'registered', path: [] }];
  const seen = new Set<CaseStatus>(['registered']);
  while (queue.length > 0) {
    const { status, path } = queue.shift() as { status: CaseStatus; path: CaseAction[] };
    if (status === target) return path;
    for (const [action, transition] of Object.entries(TRANSITIONS[status]) as [CaseAction, Transition][]) {
      if (!seen.has(transition.to)) {
        seen.add(transition.to);
        queue.push({ status: transition.to, path: [...path, action] });
      }
    }
  }
  throw new Error(`status ${target} is not reachable`);
}
