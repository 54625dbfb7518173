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

  // Two passes over the fitting pairs: count, then fill, so the edge arrays are allocated once.
  const candidateVacancies = (c: number): number[] => {
    const cand = candidates[c];
    if (!cand) return [];
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
    maxWeight,
  };
}
