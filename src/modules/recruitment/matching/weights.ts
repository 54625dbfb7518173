import type { MatchCandidate, MatchPolicy, MatchVacancy } from './matching.types';

/** The defaults of DESIGN.md section 8. */
export const DEFAULT_POLICY: MatchPolicy = Object.freeze({
  base: 1000,
  preferencePoints: [100, 70, 40] as const,
  noPreferencePoints: 50,
  waitingCapDays: 730,
  waitingPoints: 50,
});

export function waitingBonus(policy: MatchPolicy, waitingDays: number): number {
  if (policy.waitingCapDays <= 0) return 0;
  return Math.floor((Math.min(Math.max(waitingDays, 0), policy.waitingCapDays) * policy.waitingPoints) / policy.waitingCapDays);
}

/** 1, 2 or 3 for a preferred region, 0 when the candidate named none, -1 when the region is not among them. */
export function preferenceRank(candidate: Pick<MatchCandidate, 'preferredRegions'>, region: string): number {
  if (candidate.preferredRegions.length === 0) return 0;
  const index = candidate.preferredRegions.indexOf(region);
  return index < 0 ? -1 : index + 1;
}

/** Occupation equal, each level and experience at least the minimum, region preferred (or none given). */
export function fits(candidate: MatchCandidate, vacancy: MatchVacancy): boolean {
  return (
    candidate.occupation === vacancy.occupation &&
    candidate.skillLevel >= vacancy.minSkillLevel &&
    candidate.russianLevel >= vacancy.minRussianLevel &&
    candidate.experienceYears >= vacancy.minExperienceYears &&
    preferenceRank(candidate, vacancy.region) >= 0
  );
}

/** Weight of a fit, or undefined when the candidate does not fit the vacancy. */
export function fitWeight(policy: MatchPolicy, candidate: MatchCandidate, vacancy: MatchVacancy): number | undefined {
  if (!fits(candidate, vacancy)) return undefined;
  const rank = preferenceRank(candidate, vacancy.region);
  const preference = rank === 0 ? policy.noPreferencePoints : (policy.preferencePoints[rank - 1] ?? 0);
  return policy.base + preference + waitingBonus(policy, candidate.waitingDays);
}

/** Why a candidate fits a vacancy: the facts an employer and the agency see beside each shortlist entry. */
export interface FitReasons {
  readonly skillLevel: number;
  readonly minSkillLevel: number;
  readonly russianLevel: number;
  readonly minRussianLevel: number;
  readonly experienceYears: number;
  readonly minExperienceYears: number;
  /** 1-3: the region is the candidate's n-th preference; 0: he named no region. */
  readonly preferenceRank: number;
  readonly waitingDays: number;
}

export function fitReasons(candidate: MatchCandidate, vacancy: MatchVacancy): FitReasons {
  return {
    skillLevel: candidate.skillLevel,
    minSkillLevel: vacancy.minSkillLevel,
    russianLevel: candidate.russianLevel,
    minRussianLevel: vacancy.minRussianLevel,
    experienceYears: candidate.experienceYears,
    minExperienceYears: vacancy.minExperienceYears,
    preferenceRank: Math.max(0, preferenceRank(candidate, vacancy.region)),
    waitingDays: candidate.waitingDays,
  };
}
