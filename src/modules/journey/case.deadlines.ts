import { addDays, daysBetween, type IsoDate } from '../../platform/calendar';
import type { CorridorRules } from './corridor.schema';
import type { CaseStatus } from './case.workflow';

export const DEADLINE_KINDS = [
  'round_booking',
  'medical_appointment',
  'departure',
  'offer_response',
  'migration_registration',
  'patent_application',
  'patent_payment',
  'certificate_renewal',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly dueOn: IsoDate;
  /** Days from today to the due date in the zone the deadline lives in; negative when missed. */
  readonly daysLeft: number;
  readonly state: 'upcoming' | 'due_soon' | 'overdue';
}

/** A deadline is "due soon" from this many days before it. */
export const DUE_SOON_DAYS = 7;

export function makeDeadline(kind: DeadlineKind, dueOn: IsoDate, today: IsoDate): Deadline {
  const daysLeft = daysBetween(today, dueOn);
  return { kind, dueOn, daysLeft, state: daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming' };
}

export interface CaseFacts {
  readonly status: CaseStatus;
  readonly arrivedOn: IsoDate | null;
  readonly roundClosesOn: IsoDate;
}

const BEFORE_MEDICAL: readonly CaseStatus[] = ['registered', 'medical_not_cleared'];
const IN_DESTINATION_BEFORE_PATENT: readonly CaseStatus[] = ['arrived'];

/**
 * Deadlines that follow from the corridor's rules and the case's own dates. `today` is the date in the
 * time zone where each deadline applies: the origin's for the round, the destination's after arrival.
 */
export function computeCaseDeadlines(facts: CaseFacts, rules: CorridorRules, today: { origin: IsoDate; destination: IsoDate }): Deadline[] {
  const deadlines: Deadline[] = [];
  if (BEFORE_MEDICAL.includes(facts.status)) {
    deadlines.push(makeDeadline('round_booking', facts.roundClosesOn, today.origin));
  }
  if (facts.arrivedOn && IN_DESTINATION_BEFORE_PATENT.includes(facts.status)) {
    // Periods run from the day after arrival (civil-law counting), so "within N days" ends on arrival + N.
    deadlines.push(makeDeadline('migration_registration', addDays(facts.arrivedOn, rules.registrationExemptDays), today.destination));
    deadlines.push(makeDeadline('patent_application', addDays(facts.arrivedOn, rules.patentApplicationDays), today.destination));
  }
  return deadlines;
}

export function sortDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
