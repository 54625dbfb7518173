import type { ActionContext } from '../../platform/audit/audit';
import type { Tx } from '../../platform/database/database';
import type { PersonNames } from './person.schema';

/**
 * What people needs from the name-matching engine (which lives in screening) and what happens after a
 * registration, plugged in at start-up so that people does not import screening.
 */
export interface MatchablePerson {
  readonly names: PersonNames;
  readonly birthDate: string;
  readonly gender: 'M' | 'F' | 'X';
  readonly passportNumber?: string | null;
}

export interface PersonComparison {
  readonly score: number;
  readonly decision: 'match' | 'review' | undefined;
  /** Reason codes with their details (screening/matching/reasons.ts). */
  readonly reasons: readonly object[];
}

export interface NameMatcher {
  /** Blocking keys (signed 32-bit) of a person: two persons are compared only when they share one. */
  keysOf(person: MatchablePerson): number[];
  compare(a: MatchablePerson, b: MatchablePerson): PersonComparison;
  /** Name score of a passport's Latin name against a name in Cyrillic (registration checks that they agree). */
  nameAgreement(latin: { surname: string; givenNames: string }, origin: { surname: string; givenNames: string }): number;
}

export type RegistrationHook = (trx: Tx, context: ActionContext, registered: { personId: string; caseId: string }) => Promise<void>;

let matcher: NameMatcher | undefined;
const registrationHooks: RegistrationHook[] = [];

export function registerNameMatcher(value: NameMatcher): void {
  matcher = value;
}

export function findNameMatcher(): NameMatcher | undefined {
  return matcher;
}

/** Called inside the registration's transaction (screening answers within the request). */
export function registerRegistrationHook(hook: RegistrationHook): void {
  registrationHooks.push(hook);
}

export function listRegistrationHooks(): readonly RegistrationHook[] {
  return registrationHooks;
}
