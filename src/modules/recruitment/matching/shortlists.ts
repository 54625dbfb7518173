import type { MatchInstance, MatchPolicy, MatchResult } from './matching.types';
import { fitWeight } from './weights';

export interface ShortlistEntry {
  readonly vacancy: number;
  /** 1-based among the vacancy's seats. */
  readonly seat: number;
  readonly candidate: number;
  /** 1: the optimal assignee; 2 and 3: alternates. */
  readonly position: number;
  readonly weight: number;
}

/**
 * EPS-style shortlists from the optimal assignment: each filled seat lists its assignee first, then up to
 * `perSeat - 1` alternates, the best-weighted fitting candidates the optimum left unassigned. An unassigned
 * candidate is an alternate on one seat at most, so shortlists do not compete for the same people.
 * Seats the optimum could not fill (no fitting candidate, or the quota binds) get no shortlist.
 */
export function buildShortlists(instance: MatchInstance, result: MatchResult, policy: MatchPolicy, perSeat = 3): ShortlistEntry[] {
  const assigned = new Set(result.assignments.map((a) => a.candidate));
  const byVacancy = new Map<number, MatchResult['assignments'][number][]>();
  for (const a of result.assignments) (byVacancy.get(a.vacancy) ?? byVacancy.set(a.vacancy, []).get(a.vacancy))?.push(a);
  // Unassigned candidates per occupation, best weight first, for alternates.
  const spare = new Map<string, number[]>();
  instance.candidates.forEach((c, i) => {
    if (!assigned.has(i)) (spare.get(c.occupation) ?? spare.set(c.occupation, []).get(c.occupation))?.push(i);
  });
  const usedAsAlternate = new Set<number>();
  const entries: ShortlistEntry[] = [];
  const vacancies = [...byVacancy.keys()].sort((a, b) => a - b);
  for (const j of vacancies) {
    const vacancy = instance.vacancies[j];
    if (!vacancy) continue;
    const seats = (byVacancy.get(j) ?? []).sort((a, b) => b.weight - a.weight || a.candidate - b.candidate);
    const pool = (spare.get(vacancy.occupation) ?? [])
      .map((i) => ({ i, w: fitWeight(policy, instance.candidates[i] as MatchInstance['candidates'][number], vacancy) }))
      .filter((x): x is { i: number; w: number } => x.w !== undefined && x.w > 0 && !usedAsAlternate.has(x.i))
      .sort((a, b) => b.w - a.w || a.i - b.i);
    let next = 0;
    seats.forEach((a, k) => {
      entries.push({ vacancy: j, seat: k + 1, candidate: a.candidate, position: 1, weight: a.weight });
      for (let position = 2; position <= perSeat && next < pool.length; position += 1) {
        const alt = pool[next++] as { i: number; w: number };
        usedAsAlternate.add(alt.i);
        entries.push({ vacancy: j, seat: k + 1, candidate: alt.i, position, weight: alt.w });
      }
    });
  }
  return entries;
}
