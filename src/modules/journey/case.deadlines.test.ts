import { describe, expect, test } from 'vitest';
import { computeCaseDeadlines, makeDeadline } from './case.deadlines';
import type { CorridorRules } from './corridor.schema';

const rules: CorridorRules = {
  registrationExemptDays: 15,
  patentApplicationDays: 30,
  patentPaymentPeriodMonths: 1,
  certificateRenewalWindowDays: 30,
  offerResponseDays: 7,
  poolRequirements: ['medical_certificate'],
};

describe('computeCaseDeadlines', () => {
  test('after arrival: registration and patent deadlines counted from the day after arrival', () => {
    const deadlines = computeCaseDeadlines({ status: 'arrived', arrivedOn: '2026-11-20', roundClosesOn: '2027-06-30' }, rules, {
      origin: '2026-11-28',
      destination: '2026-11-28',
    });
    expect(deadlines).toEqual([
      { kind: 'migration_registration', dueOn: '2026-12-05', daysLeft: 7, state: 'due_soon' },
      { kind: 'patent_application', dueOn: '2026-12-20', daysLeft: 22, state: 'upcoming' },
    ]);
  });

  test('crosses a leap day and a year end', () => {
    const leap = computeCaseDeadlines({ status: 'arrived', arrivedOn: '2028-02-14', roundClosesOn: '2028-06-30' }, rules, {
      origin: '2028-02-14',
      destination: '2028-02-14',
    });
    expect(leap.map((d) => d.dueOn)).toEqual(['2028-02-29', '2028-03-15']);
    const newYear = computeCaseDeadlines({ status: 'arrived', arrivedOn: '2026-12-20', roundClosesOn: '2027-06-30' }, rules, {
      origin: '2026-12-20',
      destination: '2026-12-20',
    });
    expect(newYear.map((d) => d.dueOn)).toEqual(['2027-01-04', '2027-01-19']);
  });

  test('days left follow the destination calendar: the same instant is a day later in Dushanbe than in Moscow', () => {
    const facts = { status: 'arrived' as const, arrivedOn: '2026-11-20', roundClosesOn: '2027-06-30' };
    // 21:30 UTC on 4 December: 5 December in Dushanbe (UTC+5), still 4 December in Moscow (UTC+3).
    const [registration] = computeCaseDeadlines(facts, rules, { origin: '2026-12-05', destination: '2026-12-05' });
    expect(registration?.daysLeft).toBe(0);
    const [inMoscow] = computeCaseDeadlines(facts, rules, { origin: '2026-12-05', destination: '2026-12-04' });
    expect(inMoscow?.daysLeft).toBe(1);
  });

  test('before the medical examination: the round closing date, in the origin calendar', () => {
    expect(
      computeCaseDeadlines({ status: 'registered', arrivedOn: null, roundClosesOn: '2027-01-10' }, rules, { origin: '2027-01-12', destination: '2027-01-11' }),
    ).toEqual([{ kind: 'round_booking', dueOn: '2027-01-10', daysLeft: -2, state: 'overdue' }]);
  });

  test('no deadlines in states where none applies', () => {
    expect(
      computeCaseDeadlines({ status: 'in_pool', arrivedOn: null, roundClosesOn: '2027-01-10' }, rules, { origin: '2026-11-28', destination: '2026-11-28' }),
    ).toEqual([]);
  });
});

describe('makeDeadline', () => {
  test('marks due soon within seven days and overdue after the day', () => {
    expect(makeDeadline('patent_payment', '2026-12-05', '2026-11-28').state).toBe('due_soon');
    expect(makeDeadline('patent_payment', '2026-12-06', '2026-11-28').state).toBe('upcoming');
    expect(makeDeadline('patent_payment', '2026-11-27', '2026-11-28')).toMatchObject({ daysLeft: -1, state: 'overdue' });
  });
});
