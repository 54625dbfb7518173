import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvError, parseCandidatesCsv, parseQuotasCsv, parseVacanciesCsv } from './csv';
import { generateInstance } from './instance-generator';
import type { MatchInstance } from './matching.types';

function toCsv(instance: MatchInstance): { c: string; v: string; q: string } {
  return {
    c: [
      'id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions',
      ...instance.candidates.map(
        (c) => `${c.id},${c.occupation},${c.skillLevel},${c.russianLevel},${c.experienceYears},${c.waitingDays},${c.preferredRegions.join(';')}`,
      ),
    ].join('\r\n'),
    v: [
      'id,employer_id,occupation,region,seats,min_skill_level,min_russian_level,min_experience_years',
      ...instance.vacancies.map(
        (v) => `"${v.id}","${v.employerId}",${v.occupation},${v.region},${v.seats},${v.minSkillLevel},${v.minRussianLevel},${v.minExperienceYears}`,
      ),
    ].join('\n'),
    q: ['region,occupation,remaining', ...instance.quotas.map((q) => `${q.region},${q.occupation},${q.remaining}`)].join('\n'),
  };
}

describe('parseCandidatesCsv / parseVacanciesCsv / parseQuotasCsv', () => {
  test('read back exactly what was written (CRLF or LF, quoted or not)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const instance = generateInstance({
          candidates: 12,
          vacancies: 5,
          seats: 9,
          occupations: ['7112', '9313'],
          regions: ['RU-SVE', 'RU-TA', 'RU-MOW'],
          quotaShare: 0.8,
          seed,
        });
        const csv = toCsv(instance);
        expect(parseCandidatesCsv(csv.c)).toEqual(instance.candidates);
        expect(parseVacanciesCsv(csv.v)).toEqual(instance.vacancies);
        expect(parseQuotasCsv(csv.q)).toEqual(instance.quotas);
      }),
      { numRuns: 100 },
    );
  });

  test.each([
    ['id,occupation\nc1,7112', 1, 'expected column 3 to be "skill_level"'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,711,1,1,1,1,', 2, 'ISCO-08 4-digit code'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,one,1,1,1,', 2, 'skill_level must be an integer'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,1,1,1,1,RU-SVE;RU-TA;RU-MOW;RU-SPE', 2, 'at most three'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,1,1,1,1,Sverdlovsk', 2, 'ISO 3166-2:RU'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,1,1,1,1,\nc1,7112,1,1,1,1,', 3, 'duplicate id'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\n"c1,7112,1,1,1,1,', 2, 'unterminated'],
    ['id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions\nc1,7112,1,1,1', 2, 'expected 7 fields'],
  ])('refuses %j at line %i with a precise reason', (text, line, reason) => {
    try {
      parseCandidatesCsv(text, 'C.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(line);
      expect((error as CsvError).message).toContain(reason);
      expect((error as CsvError).message.startsWith(`C.csv:${line}:`)).toBe(true);
    }
  });

  test('refuses a vacancy without seats and a repeated quota bucket', () => {
    expect(() =>
      parseVacanciesCsv('id,employer_id,occupation,region,seats,min_skill_level,min_russian_level,min_experience_years\nv1,e1,7112,RU-SVE,0,1,0,0'),
    ).toThrow(/seats must be at least 1/);
    expect(() => parseQuotasCsv('region,occupation,remaining\nRU-SVE,7112,3\nRU-SVE,7112,4')).toThrow(/duplicate/);
  });
});
