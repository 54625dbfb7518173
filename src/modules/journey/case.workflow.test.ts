import { describe, expect, test } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  MAIN_PATH_STATUSES,
  TERMINAL_STATUSES,
  TRANSITIONS,
  availableActions,
  findTransition,
  nextStatus,
  pathToStatus,
} from './case.workflow';

describe('TRANSITIONS', () => {
  test('every status is reachable from registered', () => {
    for (const status of CASE_STATUSES) expect(pathToStatus(status)[0] ?? 'start').toBeTruthy();
  });

  test('terminal statuses are exactly the end states of DESIGN.md', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['closed', 'completed', 'refused', 'returned', 'withdrawn']);
  });

  test('every open status can be withdrawn by the applicant and closed by the agency with a reason', () => {
    for (const status of CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s))) {
      expect(findTransition(status, 'withdraw')).toMatchObject({ to: 'withdrawn', roles: ['applicant'] });
      expect(findTransition(status, 'close')).toMatchObject({ to: 'closed', roles: ['origin_agency'], reason: 'required' });
    }
  });

  test('the main path runs from registered to completed', () => {
    expect(MAIN_PATH_STATUSES[0]).toBe('registered');
    expect(MAIN_PATH_STATUSES[MAIN_PATH_STATUSES.length - 1]).toBe('completed');
  });
});

describe('nextStatus', () => {
  // Every status × action pair: defined pairs lead where the table says, all others are refused.
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const expected = (TRANSITIONS[status] as Record<string, { to: string } | undefined>)[action]?.to;
      test(`${status} × ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(expected);
      });
    }
  }
});

describe('availableActions', () => {
  test('lists only api actions for the role', () => {
    expect(availableActions('contracted', 'origin_agency')).toEqual(['depart', 'close']);
    expect(availableActions('contracted', 'applicant')).toEqual(['withdraw']);
    expect(availableActions('registered', 'applicant', 'any')).toEqual(['book_medical', 'withdraw']);
    expect(availableActions('completed', 'origin_agency')).toEqual([]);
  });
});
