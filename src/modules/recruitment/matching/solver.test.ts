import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateInstance } from './instance-generator';
import type { MatchInstance } from './matching.types';
import { solveAssignment } from './solver';
import { DEFAULT_POLICY, fitWeight } from './weights';

/** Enumerate every assignment (each candidate: one fitting vacancy or none) and keep the best feasible one. */
function bruteForce(instance: MatchInstance): number {
  const { candidates, vacancies, quotas } = instance;
  const options = candidates.map((c) =>
    vacancies.flatMap((v, j) => {
      const w = fitWeight(DEFAULT_POLICY, c, v);
      return w === undefined ? [] : [{ j, w }];
    }),
  );
  const used = vacancies.map(() => 0);
  const cap = new Map(quotas.map((q) => [`${q.region}|${q.occupation}`, q.remaining]));
  const bucketUse = new Map<string, number>();
  let best = 0;
  const walk = (i: number, sum: number): void => {
    if (i === candidates.length) {
      best = Math.max(best, sum);
      return;
    }
    walk(i + 1, sum);
    for (const { j, w } of options[i] ?? []) {
      const v = vacancies[j];
      if (!v || (used[j] as number) >= v.seats) continue;
      const key = `${v.region}|${v.occupation}`;
      const inBucket = bucketUse.get(key) ?? 0;
      if (inBucket >= (cap.get(key) ?? Infinity)) continue;
      used[j] = (used[j] as number) + 1;
      bucketUse.set(key, inBucket + 1);
      walk(i + 1, sum + w);
      used[j] = (used[j] as number) - 1;
      bucketUse.set(key, inBucket);
    }
  };
  walk(0, 0);
  return best;
}

/** The answer must be feasible: each candidate once, seats and quotas respected, weights as defined. */
function checkFeasible(instance: MatchInstance, result: ReturnType<typeof solveAssignment>): void {
  const seen = new Set<number>();
  const perVacancy = new Map<number, number>();
  const perBucket = new Map<string, number>();
  let sum = 0;
  for (const a of result.assignments) {
    expect(seen.has(a.candidate)).toBe(false);
    seen.add(a.candidate);
    const c = instance.candidates[a.candidate];
    const v = instance.vacancies[a.vacancy];
    if (!c || !v) throw new Error('assignment out of range');
    expect(fitWeight(DEFAULT_POLICY, c, v)).toBe(a.weight);
    perVacancy.set(a.vacancy, (perVacancy.get(a.vacancy) ?? 0) + 1);
    const key = `${v.region}|${v.occupation}`;
    perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
    sum += a.weight;
  }
  for (const [j, n] of perVacancy) expect(n).toBeLessThanOrEqual(instance.vacancies[j]?.seats ?? 0);
  for (const q of instance.quotas) expect(perBucket.get(`${q.region}|${q.occupation}`) ?? 0).toBeLessThanOrEqual(q.remaining);
  expect(sum).toBe(result.objective);
  expect(result.assigned).toBe(result.assignments.length);
}

describe('solveAssignment', () => {
  test('finds the brute-force optimum on small random instances with seats and binding quotas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), (seed, n, m) => {
        const instance = generateInstance({
          candidates: n,
          vacancies: m,
          seats: m + (seed % 4),
          occupations: ['7112', '9313'],
          regions: ['RU-SVE', 'RU-TA', 'RU-MOW'],
          quotaShare: 0.6,
          anyRegionShare: 0.3,
          seed,
        });
        const optimum = bruteForce(instance);
        for (const order of ['best_first', 'as_given'] as const) {
          const result = solveAssignment(instance, { order });
          checkFeasible(instance, result);
          expect(result.objective).toBe(optimum);
        }
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  test('applies the weights of DESIGN.md section 8 and fills the first choice when there is room', () => {
    const result = solveAssignment({
      candidates: [
        { id: 'a', occupation: '7112', skillLevel: 2, russianLevel: 2, experienceYears: 3, waitingDays: 730, preferredRegions: ['RU-TA', 'RU-SVE'] },
        { id: 'b', occupation: '7112', skillLevel: 2, russianLevel: 2, experienceYears: 3, waitingDays: 0, preferredRegions: [] },
        { id: 'c', occupation: '7112', skillLevel: 1, russianLevel: 2, experienceYears: 3, waitingDays: 900, preferredRegions: [] },
      ],
      vacancies: [
        { id: 'v1', employerId: 'e', occupation: '7112', region: 'RU-SVE', seats: 1, minSkillLevel: 2, minRussianLevel: 1, minExperienceYears: 1 },
        { id: 'v2', employerId: 'e', occupation: '7112', region: 'RU-TA', seats: 1, minSkillLevel: 2, minRussianLevel: 1, minExperienceYears: 1 },
      ],
      quotas: [],
    });
    // a: 1000+100+50 in RU-TA; b: 1000+50+0 in RU-SVE; c is below the skill minimum.
    expect(result.assignments.map((x) => [x.candidate, x.vacancy, x.weight])).toEqual([
      [1, 0, 1050],
      [0, 1, 1150],
    ]);
    expect(result.objective).toBe(2200);
  });

  test('trades a seat across vacancies of one quota bucket when the quota binds', () => {
    const base = { occupation: '9313', skillLevel: 1, russianLevel: 1, experienceYears: 0 };
    const result = solveAssignment({
      candidates: [
        { id: 'x', ...base, waitingDays: 0, preferredRegions: ['RU-SVE'] },
        { id: 'y', ...base, waitingDays: 730, preferredRegions: ['RU-SVE'] },
      ],
      vacancies: [
        { id: 'v1', employerId: 'e', occupation: '9313', region: 'RU-SVE', seats: 1, minSkillLevel: 1, minRussianLevel: 0, minExperienceYears: 0 },
        { id: 'v2', employerId: 'f', occupation: '9313', region: 'RU-SVE', seats: 1, minSkillLevel: 1, minRussianLevel: 0, minExperienceYears: 0 },
      ],
      quotas: [{ region: 'RU-SVE', occupation: '9313', remaining: 1 }],
    });
    expect(result.assigned).toBe(1);
    expect(result.objective).toBe(1150);
  });

  test('assigns nobody when nothing fits, and reports progress to the end', () => {
    const progress: number[] = [];
    const result = solveAssignment(
      {
        candidates: [{ id: 'a', occupation: '7112', skillLevel: 1, russianLevel: 0, experienceYears: 0, waitingDays: 1, preferredRegions: ['RU-MOW'] }],
        vacancies: [{ id: 'v', employerId: 'e', occupation: '7112', region: 'RU-SVE', seats: 3, minSkillLevel: 1, minRussianLevel: 0, minExperienceYears: 0 }],
        quotas: [],
      },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(result).toMatchObject({ assigned: 0, objective: 0, edges: 0 });
    expect(progress.at(-1)).toBe(0);
  });
});
