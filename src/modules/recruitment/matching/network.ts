import type { MatchInstance, MatchPolicy } from './matching.types';
import { fitWeight } from './weights';

/**
 * The instance compiled into flat arrays: candidates × fitting vacancies as a compressed sparse row
 * (CSR) list with weights, vacancies grouped into quota buckets (one bucket per region × occupation).
 * Only fitting pairs with a positive weight are edges.
 */
export interface Network {
  readonly candidateCount: number;
  readonly vacancyCount: number;
  readonly bucketCount: number;
  /** Edges of candidate c are edgeStart[c] .. edgeStart[c+1]-1. */
  readonly edgeStart: Int32Array;
  readonly edgeVacancy: Int32Array;
  readonly edgeWeight: Int32Array;
  readonly seats: Int32Array;
  readonly bucketOf: Int32Array;
  /** Capacity of each bucket; Infinity where no quota row caps it. */
  readonly bucketCap: Float64Array;
  /** Vacancies of bucket b are bucketVacancies[bucketStart[b] .. bucketStart[b+1]-1]. */
  readonly bucketStart: Int32Array;
  readonly bucketVacancies: Int32Array;
  readonly maxWeight: number;
  /**
   * Hubs: a candidate who names no region has the same weight to every vacancy of his occupation he fits, so
   * instead of one edge per vacancy he has one edge to the hub of (occupation, his levels capped at what any
   * vacancy of the occupation asks), and the hub has a free edge to each of those vacancies. Same paths, same
   * costs: the optimum is unchanged, the network much smaller.
   */
  readonly hubCount: number;
  /** The hub of each candidate, or -1 (the candidate has ordinary edges). */
  readonly hubOf: Int32Array;
  /** The weight of a hub candidate's fit (the same to all the hub's vacancies). */
  readonly hubWeight: Int32Array;
  readonly hubEdgeStart: Int32Array;
  readonly hubEdgeVacancy: Int32Array;
}

function bucketKey(region: string, occupation: string): string {
  return `${region}|${occupation}`;
}

export function buildNetwork(instance: MatchInstance, policy: MatchPolicy): Network {
  const { candidates, vacancies, quotas } = instance;
  const n = candidates.length;
  const m = vacancies.length;
  // Vacancies with a seat, indexed by occupation and by occupation+region.
  const byOccupation = new Map<string, number[]>();
  const byOccupationRegion = new Map<string, number[]>();
  const bucketIndex = new Map<string, number>();
  const bucketOf = new Int32Array(m);
  const seats = new Int32Array(m);
  vacancies.forEach((v, j) => {
    seats[j] = Math.max(0, v.seats);
    const key = bucketKey(v.region, v.occupation);
    let b = bucketIndex.get(key);
    if (b === undefined) {
      b = bucketIndex.size;
      bucketIndex.set(key, b);
    }
    bucketOf[j] = b;
    if (seats[j] === 0) return;
    (byOccupation.get(v.occupation) ?? byOccupation.set(v.occupation, []).get(v.occupation))?.push(j);
    (byOccupationRegion.get(key) ?? byOccupationRegion.set(key, []).get(key))?.push(j);
  });
  const bucketCount = bucketIndex.size;
  const bucketCap = new Float64Array(bucketCount).fill(Infinity);
  for (const q of quotas) {
    const b = bucketIndex.get(bucketKey(q.region, q.occupation));
    if (b !== undefined) bucketCap[b] = Math.min(bucketCap[b] ?? Infinity, Math.max(0, q.remaining));
  }
  const bucketStart = new Int32Array(bucketCount + 1);
  for (let j = 0; j < m; j += 1) bucketStart[(bucketOf[j] as number) + 1] = (bucketStart[(bucketOf[j] as number) + 1] as number) + 1;
  for (let b = 0; b < bucketCount; b += 1) bucketStart[b + 1] = (bucketStart[b + 1] as number) + (bucketStart[b] as number);
  const bucketVacancies = new Int32Array(m);
  const fill = bucketStart.slice(0, bucketCount);
  for (let j = 0; j < m; j += 1) {
    const b = bucketOf[j] as number;
    bucketVacancies[fill[b] as number] = j;
    fill[b] = (fill[b] as number) + 1;
  }

  const hubs = buildHubs(instance, policy, byOccupation);
  const candidateVacancies = (c: number): number[] => {
    const cand = candidates[c];
    if (!cand || (hubs.hubOf[c] as number) >= 0) return [];
    if (cand.preferredRegions.length === 0) return byOccupation.get(cand.occupation) ?? [];
    const out: number[] = [];
    for (const region of cand.preferredRegions) out.push(...(byOccupationRegion.get(bucketKey(region, cand.occupation)) ?? []));
    return out;
  };
  const edgeStart = new Int32Array(n + 1);
  let total = 0;
  const scratchV: number[] = [];
  const scratchW: number[] = [];
  let edgeVacancy = new Int32Array(Math.max(16, n * 4));
  let edgeWeight = new Int32Array(edgeVacancy.length);
  let maxWeight = 0;
  for (let c = 0; c < n; c += 1) {
    const cand = candidates[c] as MatchInstance['candidates'][number];
    scratchV.length = 0;
    scratchW.length = 0;
    for (const j of candidateVacancies(c)) {
      const w = fitWeight(policy, cand, vacancies[j] as MatchInstance['vacancies'][number]);
      if (w !== undefined && w > 0) {
        scratchV.push(j);
        scratchW.push(w);
      }
    }
    if (total + scratchV.length > edgeVacancy.length) {
      const grown = Math.max(edgeVacancy.length * 2, total + scratchV.length);
      const v2 = new Int32Array(grown);
      v2.set(edgeVacancy.subarray(0, total));
      const w2 = new Int32Array(grown);
      w2.set(edgeWeight.subarray(0, total));
      edgeVacancy = v2;
      edgeWeight = w2;
    }
    for (let k = 0; k < scratchV.length; k += 1) {
      edgeVacancy[total + k] = scratchV[k] as number;
      const w = scratchW[k] as number;
      edgeWeight[total + k] = w;
      if (w > maxWeight) maxWeight = w;
    }
    total += scratchV.length;
    edgeStart[c + 1] = total;
  }
  return {
    candidateCount: n,
    vacancyCount: m,
    bucketCount,
    edgeStart,
    edgeVacancy: edgeVacancy.slice(0, total),
    edgeWeight: edgeWeight.slice(0, total),
    seats,
    bucketOf,
    bucketCap,
    bucketStart,
    bucketVacancies,
    hubCount: hubs.hubCount,
    hubOf: hubs.hubOf,
    hubWeight: hubs.hubWeight,
    hubEdgeStart: hubs.hubEdgeStart,
    hubEdgeVacancy: hubs.hubEdgeVacancy,
    maxWeight: Math.max(maxWeight, hubs.maxWeight),
  };
}

/** Hubs for the candidates who name no region (see `Network`); a hub is created only for a class that has one. */
function buildHubs(instance: MatchInstance, policy: MatchPolicy, byOccupation: Map<string, number[]>) {
  const { candidates, vacancies } = instance;
  const caps = new Map<string, [number, number, number]>();
  for (const [occupation, js] of byOccupation) {
    const cap: [number, number, number] = [0, 0, 0];
    for (const j of js) {
      const v = vacancies[j] as MatchInstance['vacancies'][number];
      cap[0] = Math.max(cap[0], v.minSkillLevel);
      cap[1] = Math.max(cap[1], v.minRussianLevel);
      cap[2] = Math.max(cap[2], v.minExperienceYears);
    }
    caps.set(occupation, cap);
  }
  const hubOf = new Int32Array(candidates.length).fill(-1);
  const hubWeight = new Int32Array(candidates.length);
  const hubIndex = new Map<string, number>();
  const hubVacancies: number[][] = [];
  let maxWeight = 0;
  candidates.forEach((c, i) => {
    const cap = caps.get(c.occupation);
    if (c.preferredRegions.length !== 0 || !cap) return;
    const skill = Math.min(c.skillLevel, cap[0]);
    const russian = Math.min(c.russianLevel, cap[1]);
    const experience = Math.min(c.experienceYears, cap[2]);
    const key = `${c.occupation}|${skill}|${russian}|${experience}`;
    let h = hubIndex.get(key);
    if (h === undefined) {
      const fitting = (byOccupation.get(c.occupation) ?? []).filter((j) => {
        const v = vacancies[j] as MatchInstance['vacancies'][number];
        return v.minSkillLevel <= skill && v.minRussianLevel <= russian && v.minExperienceYears <= experience;
      });
      h = hubVacancies.length;
      hubIndex.set(key, h);
      hubVacancies.push(fitting);
    }
    const some = hubVacancies[h]?.[0];
    const w = some === undefined ? undefined : fitWeight(policy, c, vacancies[some] as MatchInstance['vacancies'][number]);
    if (w === undefined || w <= 0 || (hubVacancies[h]?.length ?? 0) === 0) return;
    hubOf[i] = h;
    hubWeight[i] = w;
    if (w > maxWeight) maxWeight = w;
  });
  const hubEdgeStart = new Int32Array(hubVacancies.length + 1);
  hubVacancies.forEach((js, h) => {
    hubEdgeStart[h + 1] = (hubEdgeStart[h] as number) + js.length;
  });
  const hubEdgeVacancy = Int32Array.from(hubVacancies.flat());
  return { hubCount: hubVacancies.length, hubOf, hubWeight, hubEdgeStart, hubEdgeVacancy, maxWeight };
}
