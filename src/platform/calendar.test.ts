import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysBetween, endOfDay, isIsoDate, todayIn, workingDaysDeadline } from './calendar';

describe('addDays', () => {
  test('crosses month ends, year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  test('is the inverse of daysBetween', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (date, n) => {
          const from = date.toISOString().slice(0, 10);
          expect(daysBetween(from, addDays(from, n))).toBe(n);
        },
      ),
    );
  });

  test('rejects what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('addMonths', () => {
  test('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });
});

describe('todayIn', () => {
  test('gives the date in the place, not in UTC', () => {
    // 20:30 UTC on 31 December is 01:30 on 1 January in Dushanbe (UTC+5) and 23:30 on 31 December in Moscow (UTC+3).
    const instant = new Date('2026-12-31T20:30:00Z');
    expect(todayIn('Asia/Dushanbe', instant)).toBe('2027-01-01');
    expect(todayIn('Europe/Moscow', instant)).toBe('2026-12-31');
    expect(todayIn('UTC', instant)).toBe('2026-12-31');
  });

  test('handles the leap day at midnight boundaries', () => {
    expect(todayIn('Asia/Dushanbe', new Date('2028-02-28T19:00:00Z'))).toBe('2028-02-29');
    expect(todayIn('Europe/Moscow', new Date('2028-02-29T21:00:00Z'))).toBe('2028-03-01');
  });
});

describe('workingDaysDeadline', () => {
  const moscow = {
    timezone: 'Europe/Moscow',
    holidays: new Set(['2026-11-04', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']),
    workingWeekends: new Set<string>(),
  };

  test('two working days from a Monday end on Wednesday night, Moscow time', () => {
    expect(workingDaysDeadline(new Date('2026-11-23T09:00:00Z'), 2, moscow).toISOString()).toBe('2026-11-25T20:59:59.999Z');
  });

  test('skips the weekend and public holidays', () => {
    // Friday 27 November → Monday 30 November, Tuesday 1 December.
    expect(workingDaysDeadline(new Date('2026-11-27T15:00:00Z'), 2, moscow).toISOString()).toBe('2026-12-01T20:59:59.999Z');
    // Tuesday 3 November: 4 November is a holiday → Thursday 5, Friday 6.
    expect(workingDaysDeadline(new Date('2026-11-03T10:00:00Z'), 2, moscow).toISOString()).toBe('2026-11-06T20:59:59.999Z');
    // New Year: filed on 30 December → 11 and 12 January.
    expect(workingDaysDeadline(new Date('2026-12-30T10:00:00Z'), 2, moscow).toISOString()).toBe('2027-01-12T20:59:59.999Z');
  });

  test('counts from the local day: 22:30 UTC on Sunday is already Monday in Moscow', () => {
    expect(workingDaysDeadline(new Date('2026-11-22T22:30:00Z'), 2, moscow).toISOString()).toBe('2026-11-25T20:59:59.999Z');
  });
});

describe('endOfDay', () => {
  test('in Dushanbe (UTC+5) and Moscow (UTC+3)', () => {
    expect(endOfDay('2028-02-29', 'Asia/Dushanbe').toISOString()).toBe('2028-02-29T18:59:59.999Z');
    expect(endOfDay('2026-12-31', 'Europe/Moscow').toISOString()).toBe('2026-12-31T20:59:59.999Z');
  });
});
