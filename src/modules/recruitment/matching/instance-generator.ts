import type { MatchCandidate, MatchInstance, MatchQuota, MatchVacancy } from './matching.types';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same instance everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratorOptions {
  readonly candidates: number;
  readonly vacancies: number;
  /** Total seats over all vacancies (each vacancy gets at least one). */
  readonly seats: number;
  readonly occupations: readonly string[];
  readonly regions: readonly string[];
  /** Share of (region, occupation) buckets that get a quota row. */
  readonly quotaShare?: number;
  /** Share of candidates who name no preferred region. */
  readonly anyRegionShare?: number;
  readonly seed?: number;
}

/**
 * Instances shaped like the corridor: demand and supply concentrated on a few occupations and regions
 * (skewed draws), levels 1-4 and 0-5, up to three preferred regions, waiting times up to three years,
 * quotas on part of the buckets set below demand so they bind.
 */
export function generateInstance(options: GeneratorOptions): MatchInstance {
  const random = seededRandom(options.seed ?? 1);
  const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const vacancies: MatchVacancy[] = [];
  let seatsLeft = options.seats;
  for (let j = 0; j < options.vacancies; j += 1) {
    const remainingVacancies = options.vacancies - j;
    const average = seatsLeft / remainingVacancies;
    const seats =
      j === options.vacancies - 1 ? seatsLeft : Math.max(1, Math.min(seatsLeft - (remainingVacancies - 1), Math.round(average * (0.4 + random() * 1.2))));
    seatsLeft -= seats;
    vacancies.push({
      id: `V${j + 1}`,
      employerId: `E${1 + Math.floor(j / 4)}`,
      occupation: skewed(options.occupations),
      region: skewed(options.regions),
      seats,
      minSkillLevel: int(1, 3),
      minRussianLevel: int(0, 3),
      minExperienceYears: int(0, 3),
    });
  }
  const candidates: MatchCandidate[] = [];
  for (let i = 0; i < options.candidates; i += 1) {
    const preferred = new Set<string>();
    if (random() >= (options.anyRegionShare ?? 0.1)) {
      const wanted = int(1, 3);
      for (let k = 0; k < wanted * 2 && preferred.size < wanted; k += 1) preferred.add(skewed(options.regions));
    }
    candidates.push({
      id: `C${i + 1}`,
      occupation: skewed(options.occupations),
      skillLevel: int(1, 4),
      russianLevel: int(0, 5),
      experienceYears: int(0, 12),
      waitingDays: int(0, 1100),
      preferredRegions: [...preferred],
    });
  }
  const demand = new Map<string, number>();
  for (const v of vacancies) demand.set(`${v.region}|${v.occupation}`, (demand.get(`${v.region}|${v.occupation}`) ?? 0) + v.seats);
  const quotas: MatchQuota[] = [];
  for (const [key, seats] of demand) {
    if (random() >= (options.quotaShare ?? 0.3)) continue;
    const [region, occupation] = key.split('|') as [string, string];
    quotas.push({ region, occupation, remaining: Math.floor(seats * (0.3 + random() * 0.6)) });
  }
  return { candidates, vacancies, quotas };
}
