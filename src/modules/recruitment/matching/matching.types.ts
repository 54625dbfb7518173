/**
 * The assignment problem of DESIGN.md section 8, as plain data. Everything in `matching/` is pure: no
 * database, no I/O, so the same code serves the product's matching runs, the batch CLI and the benchmark.
 */

/** A candidate as matching sees it: ids and numbers only, no names. */
export interface MatchCandidate {
  readonly id: string;
  /** ISCO-08 unit group (4 digits). */
  readonly occupation: string;
  readonly skillLevel: number;
  readonly russianLevel: number;
  readonly experienceYears: number;
  readonly waitingDays: number;
  /** Up to three ISO 3166-2:RU codes in order of preference; empty for any region. */
  readonly preferredRegions: readonly string[];
}

export interface MatchVacancy {
  readonly id: string;
  readonly employerId: string;
  readonly occupation: string;
  readonly region: string;
  readonly seats: number;
  readonly minSkillLevel: number;
  readonly minRussianLevel: number;
  readonly minExperienceYears: number;
}

/** A cap on seats filled per region and occupation; a bucket without a row has no cap. */
export interface MatchQuota {
  readonly region: string;
  readonly occupation: string;
  readonly remaining: number;
}

export interface MatchInstance {
  readonly candidates: readonly MatchCandidate[];
  readonly vacancies: readonly MatchVacancy[];
  readonly quotas: readonly MatchQuota[];
}

/**
 * The agency's matching policy. Weight of a fit: `base + preference + floor(min(waiting, waitingCapDays) *
 * waitingPoints / waitingCapDays)`, with `preference` taken from `preferencePoints` by rank, or
 * `noPreferencePoints` when the candidate named no region.
 */
export interface MatchPolicy {
  readonly base: number;
  readonly preferencePoints: readonly [number, number, number];
  readonly noPreferencePoints: number;
  readonly waitingCapDays: number;
  readonly waitingPoints: number;
}

export interface MatchAssignment {
  readonly candidate: number;
  readonly vacancy: number;
  readonly weight: number;
}

export interface MatchResult {
  /** Indexes into the instance's candidates and vacancies, ordered by vacancy then weight (highest first). */
  readonly assignments: readonly MatchAssignment[];
  readonly objective: number;
  readonly assigned: number;
  /** Fitting candidate-vacancy pairs in the network (its size). */
  readonly edges: number;
}

export interface MatchProgress {
  readonly done: number;
  readonly total: number;
}
