import type { MatchAssignment, MatchInstance, MatchPolicy, MatchProgress, MatchResult } from './matching.types';
import { buildNetwork, type Network } from './network';
import { DEFAULT_POLICY } from './weights';

/**
 * Exact maximum-weight assignment with seats and quotas, as a min-cost flow:
 *
 *   candidate ─(1, K−w)→ vacancy ─(seats, 0)→ bucket (region × occupation) ─(quota, 0)→ sink
 *   candidate ─(1, K)→ sink            ("stays unassigned"; K is the largest weight)
 *
 * Every candidate sends exactly one unit, so the min cost is n·K − (max total weight). Because each vacancy
 * belongs to exactly one bucket, this network is the whole problem (its constraint matrix is totally
 * unimodular, so the LP optimum is integral and equal). Candidates enter one at a time and each sends
 * its unit along a shortest path in the residual network (successive shortest paths): Dijkstra on
 * reduced costs with node potentials, stopped as soon as the sink is settled, potentials then updated
 * for the settled nodes only. After every step the flow is a min-cost flow of the candidates seen so
 * far, hence optimal at the end.
 */
export function solveAssignment(
  instance: MatchInstance,
  options: { policy?: MatchPolicy; onProgress?: (progress: MatchProgress) => void; progressEvery?: number } = {},
): MatchResult {
  const network = buildNetwork(instance, options.policy ?? DEFAULT_POLICY);
  const steps = solveNetwork(network, options.progressEvery ?? 2000);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return collect(network, step.value);
    options.onProgress?.(step.value);
  }
}

/**
 * The same, yielding to the event loop at each progress report so a background job can record its
 * progress in the database while it runs.
 */
export async function solveAssignmentAsync(
  instance: MatchInstance,
  options: { policy?: MatchPolicy; onProgress?: (progress: MatchProgress) => Promise<void>; progressEvery?: number } = {},
): Promise<MatchResult> {
  const network = buildNetwork(instance, options.policy ?? DEFAULT_POLICY);
  const steps = solveNetwork(network, options.progressEvery ?? 2000);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return collect(network, step.value);
    await options.onProgress?.(step.value);
  }
}

class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size;
    this.size += 1;
    const { keys, nodes } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      nodes[i] = nodes[parent] as number;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the minimum; its key and node are in `topKey`/`topNode`. */
  topKey = 0;
  topNode = 0;
  pop(): void {
    const { keys, nodes } = this;
    this.topKey = keys[0] as number;
    this.topNode = nodes[0] as number;
    this.size -= 1;
    const n = this.size;
    if (n === 0) return;
    const key = keys[n] as number;
    const node = nodes[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child += 1;
      if ((keys[child] as number) >= key) break;
      keys[i] = keys[child] as number;
      nodes[i] = nodes[child] as number;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

/** Yields progress every `every` candidates; returns, for each candidate, the vacancy it is assigned to or -1. */
function* solveNetwork(net: Network, every: number): Generator<MatchProgress, Int32Array> {
  const n = net.candidateCount;
  const m = net.vacancyCount;
  const B = net.bucketCount;
  const V0 = n; // first vacancy node
  const B0 = n + m; // first bucket node
  const T = n + m + B; // the sink
  const total = T + 1;
  const K = net.maxWeight;
  const { edgeStart, edgeVacancy, edgeWeight, seats, bucketOf, bucketCap, bucketStart, bucketVacancies } = net;

  // Edge targets as node numbers and edge costs K - w, precomputed for the hot loop.
  const edgeNode = new Int32Array(edgeVacancy.length);
  const edgeCost = new Int32Array(edgeVacancy.length);
  for (let e = 0; e < edgeVacancy.length; e += 1) {
    edgeNode[e] = V0 + (edgeVacancy[e] as number);
    edgeCost[e] = K - (edgeWeight[e] as number);
  }
  const potential = new Float64Array(total);
  const dist = new Float64Array(total).fill(Infinity);
  const settled = new Uint8Array(total);
  const pred = new Int32Array(total).fill(-1);
  const touched = new Int32Array(total);
  let touchedCount = 0;
  const settledList = new Int32Array(total);

  const assigned = new Int32Array(n).fill(-1);
  const assignedWeight = new Int32Array(n);
  // Candidates assigned to a vacancy, as a doubly linked list per vacancy.
  const head = new Int32Array(m).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const count = new Int32Array(m);
  const bucketFlow = new Float64Array(B);
  const heap = new MinHeap();

  const detach = (c: number): void => {
    const v = assigned[c] as number;
    if (v < 0) return;
    const p = prev[c] as number;
    const x = next[c] as number;
    if (p >= 0) next[p] = x;
    else head[v] = x;
    if (x >= 0) prev[x] = p;
    count[v] = (count[v] as number) - 1;
    bucketFlow[bucketOf[v] as number] = (bucketFlow[bucketOf[v] as number] as number) - 1;
    assigned[c] = -1;
  };
  const attach = (c: number, v: number, w: number): void => {
    const h = head[v] as number;
    next[c] = h;
    prev[c] = -1;
    if (h >= 0) prev[h] = c;
    head[v] = c;
    count[v] = (count[v] as number) + 1;
    bucketFlow[bucketOf[v] as number] = (bucketFlow[bucketOf[v] as number] as number) + 1;
    assigned[c] = v;
    assignedWeight[c] = w;
  };
  const weightTo = (c: number, v: number): number => {
    for (let e = edgeStart[c] as number, end = edgeStart[c + 1] as number; e < end; e += 1) if (edgeVacancy[e] === v) return edgeWeight[e] as number;
    return 0;
  };
  const relax = (x: number, d: number, from: number): void => {
    const old = dist[x] as number;
    // A node no nearer than the sink's current distance can never be settled before it: skip it.
    if (d < old && (x === T || d < (dist[T] as number))) {
      if (old === Infinity) touched[touchedCount++] = x;
      dist[x] = d;
      pred[x] = from;
      heap.push(d, x);
    }
  };

  // Process candidates with the most to gain first: fewer displacements later (any order is exact).
  const order = Array.from({ length: n }, (_, c) => c).filter((c) => (edgeStart[c + 1] as number) > (edgeStart[c] as number));
  const best = new Int32Array(n);
  for (const c of order) for (let e = edgeStart[c] as number; e < (edgeStart[c + 1] as number); e += 1) best[c] = Math.max(best[c] as number, edgeWeight[e] as number);
  order.sort((a, b) => (best[b] as number) - (best[a] as number) || a - b);

  let done = 0;
  for (const source of order) {
    // The source has no incoming residual edge yet: choose its potential so all its edges have reduced cost >= 0.
    let pi = (potential[T] as number) - K;
    for (let e = edgeStart[source] as number; e < (edgeStart[source + 1] as number); e += 1) {
      const cand = (potential[V0 + (edgeVacancy[e] as number)] as number) - (K - (edgeWeight[e] as number));
      if (cand > pi) pi = cand;
    }
    potential[source] = pi;
    heap.clear();
    touchedCount = 0;
    let settledCount = 0;
    relax(source, 0, -1);
    let sinkDist = Infinity;
    while (heap.size > 0) {
      heap.pop();
      const u = heap.topNode;
      const d = heap.topKey;
      if (settled[u] || d > (dist[u] as number)) continue;
      settled[u] = 1;
      settledList[settledCount++] = u;
      if (u === T) {
        sinkDist = d;
        break;
      }
      const pu = potential[u] as number;
      if (u < V0) {
        // The hot loop: reduced costs are >= 0, so a settled target can never improve and needs no check.
        const currentNode = V0 + (assigned[u] as number);
        const base = d + pu;
        for (let e = edgeStart[u] as number, end = edgeStart[u + 1] as number; e < end; e += 1) {
          const x = edgeNode[e] as number;
          if (x === currentNode) continue;
          const nd = base + (edgeCost[e] as number) - (potential[x] as number);
          if (nd < (dist[x] as number) && nd < (dist[T] as number)) {
            if (dist[x] === Infinity) touched[touchedCount++] = x;
            dist[x] = nd;
            pred[x] = u;
            heap.push(nd, x);
          }
        }
        relax(T, base + K - (potential[T] as number), u);
      } else if (u < B0) {
        const v = u - V0;
        for (let c = head[v] as number; c >= 0; c = next[c] as number) {
          if (settled[c]) continue;
          relax(c, d - (K - (assignedWeight[c] as number)) + pu - (potential[c] as number), u);
        }
        const b = B0 + (bucketOf[v] as number);
        if ((count[v] as number) < (seats[v] as number) && !settled[b]) relax(b, d + pu - (potential[b] as number), u);
      } else {
        const b = u - B0;
        if ((bucketFlow[b] as number) < (bucketCap[b] as number) && !settled[T]) relax(T, d + pu - (potential[T] as number), u);
        for (let k = bucketStart[b] as number, end = bucketStart[b + 1] as number; k < end; k += 1) {
          const v = bucketVacancies[k] as number;
          const x = V0 + v;
          if ((count[v] as number) === 0 || settled[x]) continue;
          relax(x, d + pu - (potential[x] as number), u);
        }
      }
    }
    // Potentials: settled nodes move by their distance minus the sink's, the rest stay (JV early exit).
    for (let i = 0; i < settledCount; i += 1) {
      const u = settledList[i] as number;
      potential[u] = (potential[u] as number) + (dist[u] as number) - sinkDist;
      settled[u] = 0;
    }
    // Walk the path back from the sink; every candidate on it takes the forward edge it leaves by.
    const moves: number[] = [];
    for (let x = T; x !== source; ) {
      const p = pred[x] as number;
      if (p < V0) moves.push(p, x === T ? -1 : x - V0);
      x = p;
    }
    for (let i = 0; i < moves.length; i += 2) detach(moves[i] as number);
    for (let i = 0; i < moves.length; i += 2) {
      const c = moves[i] as number;
      const v = moves[i + 1] as number;
      if (v >= 0) attach(c, v, weightTo(c, v));
    }
    for (let i = 0; i < touchedCount; i += 1) {
      const x = touched[i] as number;
      dist[x] = Infinity;
      pred[x] = -1;
    }
    done += 1;
    if (done % every === 0) yield { done, total: order.length };
  }
  yield { done: order.length, total: order.length };
  return assigned;
}

function collect(net: Network, assigned: Int32Array): MatchResult {
  const assignments: MatchAssignment[] = [];
  let objective = 0;
  for (let c = 0; c < net.candidateCount; c += 1) {
    const v = assigned[c] as number;
    if (v < 0) continue;
    let weight = 0;
    for (let e = net.edgeStart[c] as number; e < (net.edgeStart[c + 1] as number); e += 1) if (net.edgeVacancy[e] === v) weight = net.edgeWeight[e] as number;
    assignments.push({ candidate: c, vacancy: v, weight });
    objective += weight;
  }
  assignments.sort((a, b) => a.vacancy - b.vacancy || b.weight - a.weight || a.candidate - b.candidate);
  return { assignments, objective, assigned: assignments.length, edges: net.edgeVacancy.length };
}
