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
  options: { policy?: MatchPolicy; onProgress?: (progress: MatchProgress) => void; progressEvery?: number; order?: CandidateOrder } = {},
): MatchResult {
  const network = buildNetwork(instance, options.policy ?? DEFAULT_POLICY);
  const steps = solveNetwork(network, options.progressEvery ?? 2000, options.order ?? 'best_first');
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
  const steps = solveNetwork(network, options.progressEvery ?? 2000, 'best_first');
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return collect(network, step.value);
    await options.onProgress?.(step.value);
  }
}

/**
 * The order candidates enter the network. The optimum does not depend on it; `best_first` (highest possible
 * weight first) needs fewer displacements, `as_given` exercises every kind of residual path (tests).
 */
export type CandidateOrder = 'best_first' | 'as_given';

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
function* solveNetwork(net: Network, every: number, orderBy: CandidateOrder): Generator<MatchProgress, Int32Array> {
  const n = net.candidateCount;
  const m = net.vacancyCount;
  const H = net.hubCount;
  const B = net.bucketCount;
  const V0 = n; // first vacancy node
  const H0 = n + m; // first hub node
  const B0 = n + m + H; // first bucket node
  const T = B0 + B; // the sink
  const total = T + 1;
  const K = net.maxWeight;
  const { edgeStart, edgeVacancy, edgeWeight, seats, bucketOf, bucketCap, bucketStart, bucketVacancies, hubOf, hubWeight, hubEdgeStart, hubEdgeVacancy } = net;

  // Edge targets as node numbers and edge costs K - w, precomputed for the hot loop.
  const edgeNode = new Int32Array(edgeVacancy.length);
  const edgeCost = new Int32Array(edgeVacancy.length);
  for (let e = 0; e < edgeVacancy.length; e += 1) {
    edgeNode[e] = V0 + (edgeVacancy[e] as number);
    edgeCost[e] = K - (edgeWeight[e] as number);
  }
  // Hub edges into each vacancy (for the backward vacancy -> hub residual edges) and the hub of each hub edge.
  const hubEdgeFlow = new Int32Array(hubEdgeVacancy.length);
  const hubOfEdge = new Int32Array(hubEdgeVacancy.length);
  const vacHubStart = new Int32Array(m + 1);
  for (let h = 0; h < H; h += 1) {
    for (let e = hubEdgeStart[h] as number; e < (hubEdgeStart[h + 1] as number); e += 1) {
      hubOfEdge[e] = h;
      vacHubStart[(hubEdgeVacancy[e] as number) + 1] = (vacHubStart[(hubEdgeVacancy[e] as number) + 1] as number) + 1;
    }
  }
  for (let v = 0; v < m; v += 1) vacHubStart[v + 1] = (vacHubStart[v + 1] as number) + (vacHubStart[v] as number);
  const vacHubEdge = new Int32Array(hubEdgeVacancy.length);
  const fill = vacHubStart.slice(0, m);
  for (let e = 0; e < hubEdgeVacancy.length; e += 1) {
    const v = hubEdgeVacancy[e] as number;
    vacHubEdge[fill[v] as number] = e;
    fill[v] = (fill[v] as number) + 1;
  }
  const hubEdgeIndex = (h: number, v: number): number => {
    for (let k = vacHubStart[v] as number; k < (vacHubStart[v + 1] as number); k += 1)
      if (hubOfEdge[vacHubEdge[k] as number] === h) return vacHubEdge[k] as number;
    throw new Error('no such hub edge');
  };

  const potential = new Float64Array(total);
  const dist = new Float64Array(total).fill(Infinity);
  const settled = new Uint8Array(total);
  const pred = new Int32Array(total).fill(-1);
  const touched = new Int32Array(total);
  let touchedCount = 0;
  const settledList = new Int32Array(total);

  // Candidates with ordinary edges sit in their vacancy's list; hub candidates in their hub's list.
  const assigned = new Int32Array(n).fill(-1);
  const assignedWeight = new Int32Array(n);
  const inHub = new Uint8Array(n);
  const head = new Int32Array(m).fill(-1);
  const hubHead = new Int32Array(H).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const count = new Int32Array(m);
  const bucketFlow = new Float64Array(B);
  const heap = new MinHeap();

  const unlink = (c: number, heads: Int32Array, list: number): void => {
    const p = prev[c] as number;
    const x = next[c] as number;
    if (p >= 0) next[p] = x;
    else heads[list] = x;
    if (x >= 0) prev[x] = p;
  };
  const link = (c: number, heads: Int32Array, list: number): void => {
    const h = heads[list] as number;
    next[c] = h;
    prev[c] = -1;
    if (h >= 0) prev[h] = c;
    heads[list] = c;
  };
  const addToVacancy = (v: number, delta: number): void => {
    count[v] = (count[v] as number) + delta;
    bucketFlow[bucketOf[v] as number] = (bucketFlow[bucketOf[v] as number] as number) + delta;
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
  const best = new Int32Array(n);
  for (let c = 0; c < n; c += 1) {
    if ((hubOf[c] as number) >= 0) best[c] = hubWeight[c] as number;
    for (let e = edgeStart[c] as number; e < (edgeStart[c + 1] as number); e += 1) best[c] = Math.max(best[c] as number, edgeWeight[e] as number);
  }
  const order = Array.from({ length: n }, (_, c) => c).filter((c) => (best[c] as number) > 0);
  if (orderBy === 'best_first') order.sort((a, b) => (best[b] as number) - (best[a] as number) || a - b);

  const leaves: number[] = [];
  const joins: number[] = [];
  let done = 0;
  for (const source of order) {
    // The source has no incoming residual edge yet: choose its potential so all its edges have reduced cost >= 0.
    let pi = (potential[T] as number) - K;
    const sourceHub = hubOf[source] as number;
    if (sourceHub >= 0) pi = Math.max(pi, (potential[H0 + sourceHub] as number) - (K - (hubWeight[source] as number)));
    for (let e = edgeStart[source] as number; e < (edgeStart[source + 1] as number); e += 1) {
      const cand = (potential[edgeNode[e] as number] as number) - (edgeCost[e] as number);
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
      const base = d + pu;
      if (u < V0) {
        // The hot loop: reduced costs are >= 0, so a settled target can never improve and needs no check.
        const currentNode = V0 + (assigned[u] as number);
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
        const h = hubOf[u] as number;
        if (h >= 0 && !inHub[u]) relax(H0 + h, base + K - (hubWeight[u] as number) - (potential[H0 + h] as number), u);
        relax(T, base + K - (potential[T] as number), u);
      } else if (u < H0) {
        const v = u - V0;
        for (let c = head[v] as number; c >= 0; c = next[c] as number) {
          relax(c, base - (K - (assignedWeight[c] as number)) - (potential[c] as number), u);
        }
        for (let k = vacHubStart[v] as number; k < (vacHubStart[v + 1] as number); k += 1) {
          const e = vacHubEdge[k] as number;
          if ((hubEdgeFlow[e] as number) > 0) relax(H0 + (hubOfEdge[e] as number), base - (potential[H0 + (hubOfEdge[e] as number)] as number), u);
        }
        const b = B0 + (bucketOf[v] as number);
        if ((count[v] as number) < (seats[v] as number)) relax(b, base - (potential[b] as number), u);
      } else if (u < B0) {
        const h = u - H0;
        for (let e = hubEdgeStart[h] as number; e < (hubEdgeStart[h + 1] as number); e += 1) {
          const x = V0 + (hubEdgeVacancy[e] as number);
          relax(x, base - (potential[x] as number), u);
        }
        for (let c = hubHead[h] as number; c >= 0; c = next[c] as number) {
          relax(c, base - (K - (hubWeight[c] as number)) - (potential[c] as number), u);
        }
      } else {
        const b = u - B0;
        if ((bucketFlow[b] as number) < (bucketCap[b] as number)) relax(T, base - (potential[T] as number), u);
        for (let k = bucketStart[b] as number, end = bucketStart[b + 1] as number; k < end; k += 1) {
          const v = bucketVacancies[k] as number;
          if ((count[v] as number) > 0) relax(V0 + v, base - (potential[V0 + v] as number), u);
        }
      }
    }
    // Potentials: settled nodes move by their distance minus the sink's, the rest stay (JV early exit).
    for (let i = 0; i < settledCount; i += 1) {
      const u = settledList[i] as number;
      potential[u] = (potential[u] as number) + (dist[u] as number) - sinkDist;
      settled[u] = 0;
    }
    // Augment along the path: first every unit that leaves (a candidate leaving a vacancy or a hub, a hub
    // sending less to a vacancy), then every unit that arrives, so no record is read after it changed.
    leaves.length = 0;
    joins.length = 0;
    for (let x = T; x !== source; ) {
      const p = pred[x] as number;
      if (p < V0) {
        if (x < V0 || x === T) {
          // the candidate stays unassigned: it already left where it was (the edge into it)
        } else if (x < H0) joins.push(0, p, x - V0);
        else if (x < B0) joins.push(1, p, x - H0);
      } else if (p < H0) {
        if (x < V0) leaves.push(0, x, -1);
        else if (x >= H0 && x < B0) leaves.push(2, x - H0, p - V0);
      } else if (p < B0) {
        if (x < V0) leaves.push(1, x, -1);
        else if (x < H0) joins.push(2, p - H0, x - V0);
      }
      x = p;
    }
    for (let i = 0; i < leaves.length; i += 3) {
      const kind = leaves[i] as number;
      const a = leaves[i + 1] as number;
      const b = leaves[i + 2] as number;
      if (kind === 0) {
        unlink(a, head, assigned[a] as number);
        addToVacancy(assigned[a] as number, -1);
        assigned[a] = -1;
      } else if (kind === 1) {
        unlink(a, hubHead, hubOf[a] as number);
        inHub[a] = 0;
      } else {
        const e = hubEdgeIndex(a, b);
        hubEdgeFlow[e] = (hubEdgeFlow[e] as number) - 1;
        addToVacancy(b, -1);
      }
    }
    for (let i = 0; i < joins.length; i += 3) {
      const kind = joins[i] as number;
      const a = joins[i + 1] as number;
      const b = joins[i + 2] as number;
      if (kind === 0) {
        link(a, head, b);
        addToVacancy(b, 1);
        assigned[a] = b;
        assignedWeight[a] = weightTo(a, b);
      } else if (kind === 1) {
        link(a, hubHead, b);
        inHub[a] = 1;
      } else {
        const e = hubEdgeIndex(a, b);
        hubEdgeFlow[e] = (hubEdgeFlow[e] as number) + 1;
        addToVacancy(b, 1);
      }
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
  // Hub candidates are interchangeable within their hub: hand out the hub's flow to its members.
  for (let h = 0; h < H; h += 1) {
    let c = hubHead[h] as number;
    for (let e = hubEdgeStart[h] as number; e < (hubEdgeStart[h + 1] as number); e += 1) {
      for (let f = hubEdgeFlow[e] as number; f > 0; f -= 1) {
        if (c < 0) throw new Error('hub flow without a member');
        assigned[c] = hubEdgeVacancy[e] as number;
        c = next[c] as number;
      }
    }
    if (c >= 0) throw new Error('hub member without flow');
  }
  return assigned;
}

function collect(net: Network, assigned: Int32Array): MatchResult {
  const assignments: MatchAssignment[] = [];
  let objective = 0;
  for (let c = 0; c < net.candidateCount; c += 1) {
    const v = assigned[c] as number;
    if (v < 0) continue;
    let weight = (net.hubOf[c] as number) >= 0 ? (net.hubWeight[c] as number) : 0;
    for (let e = net.edgeStart[c] as number; e < (net.edgeStart[c + 1] as number); e += 1) if (net.edgeVacancy[e] === v) weight = net.edgeWeight[e] as number;
    assignments.push({ candidate: c, vacancy: v, weight });
    objective += weight;
  }
  assignments.sort((a, b) => a.vacancy - b.vacancy || b.weight - a.weight || a.candidate - b.candidate);
  return { assignments, objective, assigned: assignments.length, edges: net.edgeVacancy.length + net.hubEdgeVacancy.length + countHubCandidates(net) };
}

function countHubCandidates(net: Network): number {
  let n = 0;
  for (let c = 0; c < net.candidateCount; c += 1) if ((net.hubOf[c] as number) >= 0) n += 1;
  return n;
}
