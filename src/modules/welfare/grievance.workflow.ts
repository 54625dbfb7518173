import type { Role } from '../../platform/auth/roles';

export const GRIEVANCE_CATEGORIES = ['wages_unpaid', 'documents_withheld', 'contract_changed', 'unsafe_housing', 'other'] as const;
export const GRIEVANCE_STATUSES = ['open', 'acknowledged', 'resolved', 'closed', 'withdrawn'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];
export const GRIEVANCE_ACTIONS = ['acknowledge', 'contact_employer', 'resolve', 'reopen', 'close', 'withdraw'] as const;
export type GrievanceAction = (typeof GRIEVANCE_ACTIONS)[number];

interface GrievanceTransition {
  readonly to: GrievanceStatus;
  readonly roles: readonly (Role | 'system')[];
  /** The action carries a message (the resolution, the note to the employer). */
  readonly message?: 'required';
}

type Table = { readonly [S in GrievanceStatus]: { readonly [A in GrievanceAction]?: GrievanceTransition } };

const office: readonly Role[] = ['consular_office'];

/** A grievance's lifecycle; the compiler checks every status is listed. */
export const GRIEVANCE_TRANSITIONS = {
  open: {
    acknowledge: { to: 'acknowledged', roles: office },
    contact_employer: { to: 'acknowledged', roles: office, message: 'required' },
    resolve: { to: 'resolved', roles: office, message: 'required' },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  acknowledged: {
    contact_employer: { to: 'acknowledged', roles: office, message: 'required' },
    resolve: { to: 'resolved', roles: office, message: 'required' },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  resolved: {
    reopen: { to: 'acknowledged', roles: ['applicant'], message: 'required' },
    close: { to: 'closed', roles: ['applicant', 'system'] },
  },
  closed: {},
  withdrawn: {},
} as const satisfies Table;

export function findGrievanceTransition(status: GrievanceStatus, action: GrievanceAction): GrievanceTransition | undefined {
  return (GRIEVANCE_TRANSITIONS[status] as { readonly [A in GrievanceAction]?: GrievanceTransition })[action];
}

export function grievanceActionsFor(status: GrievanceStatus, role: Role): GrievanceAction[] {
  return (Object.entries(GRIEVANCE_TRANSITIONS[status]) as [GrievanceAction, GrievanceTransition][]).filter(([, t]) => t.roles.includes(role)).map(([a]) => a);
}

/** Acknowledgement is due within this many working days at the office. */
export const ACK_WORKING_DAYS = 2;
/** A resolved grievance the worker does not reopen is closed after this many days. */
export const AUTO_CLOSE_DAYS = 14;
