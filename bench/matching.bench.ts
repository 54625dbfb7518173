/**
 * Matching benchmark (DESIGN.md section 8): Corridor's exact solver against an LP optimum from HiGHS on the
 * same 20k x 1k instance (the objectives must be equal: the network's matrix is totally unimodular), then
 * Corridor alone on 200k candidates x 10k vacancies (100k seats) with its time and peak memory.
 *
 *   npm run bench:matching            (BENCH_RUNS=3 by default; BENCH_SKIP_LARGE=1 skips the 200k run)
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import highsLoader from 'highs';
import { DEFAULT_POLICY, fitWeight, generateInstance, solveAssignment, type MatchInstance } from '../src/modules/recruitment/matching';

// Bench parameters come from the command line environment of this script only (not the product's config).
const env = process.env;
const RUNS = Math.max(1, Number(env.BENCH_RUNS ?? 3));
const OCCUPATIONS = ['7112', '7114', '7115', '7121', '7122', '7123', '7126', '7131', '7212', '7214', '7231', '7411', '8322', '8332', '8342', '8343', '9312', '9313', '9321', '9329', '9333', '9211', '9212', '9214', '6111', '6121', '5120', '5131', '9112', '9412', '9613', '8153', '7512', '7531', '7233', '8341', '9334', '5223', '5321', '7124'];
const REGIONS = ['RU-MOW', 'RU-MOS', 'RU-SPE', 'RU-LEN', 'RU-SVE', 'RU-TA', 'RU-NVS', 'RU-KDA', 'RU-ROS', 'RU-SAM', 'RU-NIZ', 'RU-BA', 'RU-CHE', 'RU-PER', 'RU-TYU', 'RU-KHM', 'RU-YAN', 'RU-KYA', 'RU-IRK', 'RU-VOR', 'RU-VGG', 'RU-SAR', 'RU-KLU', 'RU-TUL', 'RU-YAR', 'RU-TVE', 'RU-VLA', 'RU-KGD', 'RU-OMS', 'RU-TOM', 'RU-KEM', 'RU-ALT', 'RU-ORE', 'RU-UD', 'RU-CU', 'RU-KIR', 'RU-PNZ', 'RU-ULY', 'RU-BEL', 'RU-LIP', 'RU-KRS', 'RU-BRY', 'RU-SMO', 'RU-RYA', 'RU-IVA', 'RU-KOS', 'RU-VLG', 'RU-ARK', 'RU-MUR', 'RU-KR', 'RU-KO', 'RU-PRI', 'RU-KHA', 'RU-AMU', 'RU-SAK', 'RU-ZAB', 'RU-BU', 'RU-SA', 'RU-STA', 'RU-AST'];

export function benchInstance(candidates: number, vacancies: number, seats: number, seed: number): MatchInstance {
  return generateInstance({ candidates, vacancies, seats, occupations: OCCUPATIONS, regions: REGIONS, quotaShare: 0.3, anyRegionShare: 0.1, seed });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The same problem as an LP for HiGHS: a variable per fitting pair, a row per candidate, vacancy and quota bucket. */
async function solveWithHighs(instance: MatchInstance): Promise<{ objective: number; seconds: number; cpu: number; status: string }> {
  const highs = await highsLoader();
  const cols: { c: number; v: number; w: number }[] = [];
  const byOccupationRegion = new Map<string, number[]>();
  const byOccupation = new Map<string, number[]>();
  instance.vacancies.forEach((v, j) => {
    (byOccupationRegion.get(`${v.region}|${v.occupation}`) ?? byOccupationRegion.set(`${v.region}|${v.occupation}`, []).get(`${v.region}|${v.occupation}`))?.push(j);
    (byOccupation.get(v.occupation) ?? byOccupation.set(v.occupation, []).get(v.occupation))?.push(j);
  });
  instance.candidates.forEach((c, i) => {
    const js = c.preferredRegions.length === 0 ? (byOccupation.get(c.occupation) ?? []) : c.preferredRegions.flatMap((r) => byOccupationRegion.get(`${r}|${c.occupation}`) ?? []);
    for (const j of js) {
      const w = fitWeight(DEFAULT_POLICY, c, instance.vacancies[j] as MatchInstance['vacancies'][number]);
      if (w !== undefined) cols.push({ c: i, v: j, w });
    }
  });
  const quota = new Map(instance.quotas.map((q) => [`${q.region}|${q.occupation}`, q.remaining]));
  const bucketRow = new Map<string, number>();
  const n = instance.candidates.length;
  const m = instance.vacancies.length;
  let rows = n + m;
  for (const key of quota.keys()) if (byOccupationRegion.has(key)) bucketRow.set(key, rows++);
  const rowUpper = new Float64Array(rows);
  for (let i = 0; i < n; i += 1) rowUpper[i] = 1;
  instance.vacancies.forEach((v, j) => {
    rowUpper[n + j] = v.seats;
  });
  for (const [key, r] of bucketRow) rowUpper[r] = quota.get(key) ?? 0;
  const starts = new Int32Array(cols.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  cols.forEach((col, k) => {
    const v = instance.vacancies[col.v] as MatchInstance['vacancies'][number];
    const rowsOf = [col.c, n + col.v];
    const b = bucketRow.get(`${v.region}|${v.occupation}`);
    if (b !== undefined) rowsOf.push(b);
    for (const r of rowsOf) {
      indices.push(r);
      values.push(1);
    }
    starts[k + 1] = indices.length;
  });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = highs.withModel(
    {
      numCols: cols.length,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cols.map((x) => x.w)),
      colLower: new Float64Array(cols.length),
      colUpper: new Float64Array(cols.length).fill(1),
      rowLower: new Float64Array(rows).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: rows, numCols: cols.length, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    },
    (model) => {
      model.options.set('output_flag', false);
      const run = model.run();
      return { objective: model.getObjectiveValue(), status: String(run.modelStatus) };
    },
  );
  const cpu = process.cpuUsage(cpuStart);
  return { ...result, seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Wall-clock seconds per run, and CPU seconds of this process (the machine is shared: wall time includes waiting). */
function corridorRuns(instance: MatchInstance): { objective: number; assigned: number; edges: number; times: number[]; cpu: number[] } {
  const times: number[] = [];
  const cpu: number[] = [];
  let last = { objective: 0, assigned: 0, edges: 0 };
  for (let r = 0; r < RUNS; r += 1) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = solveAssignment(instance);
    const used = process.cpuUsage(cpuStart);
    times.push((performance.now() - started) / 1000);
    cpu.push((used.user + used.system) / 1e6);
    last = { objective: result.objective, assigned: result.assigned, edges: result.edges };
  }
  return { ...last, times, cpu };
}

/** The large run happens in a child process so its peak memory (max RSS) is its own. */
function largeInChild(): void {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--large-child'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the 200k run failed (exit ${child.status})`);
  process.stdout.write(child.stdout);
}

async function main(): Promise<void> {
  if (process.argv.includes('--large-child')) {
    const instance = benchInstance(200_000, 10_000, 100_000, 2026);
    const run = corridorRuns(instance);
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    console.log(`200k x 10k (100k seats): Corridor median ${median(run.times).toFixed(2)} s wall, ${median(run.cpu).toFixed(2)} s CPU over ${RUNS} runs [${run.times.map((t) => t.toFixed(2)).join(', ')}], objective=${run.objective} assigned=${run.assigned}, ${run.edges} fitting pairs, peak RSS ${peakMiB.toFixed(0)} MiB (goal: < 30 s within 2048 MiB)`);
    return;
  }
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, node ${process.version}`);
  const small = benchInstance(20_000, 1_000, 10_000, 2025);
  solveAssignment(small); // warm-up (JIT), not timed
  const ours = corridorRuns(small);
  const lp = await solveWithHighs(small);
  const equal = Math.abs(lp.objective - ours.objective) < 1e-6;
  console.log(`20k x 1k (10k seats, ${small.quotas.length} quota rows, ${ours.edges} fitting pairs):`);
  console.log(`  Corridor (exact min-cost flow): median ${median(ours.times).toFixed(3)} s wall (${median(ours.cpu).toFixed(3)} s CPU) over ${RUNS} runs, objective=${ours.objective} assigned=${ours.assigned}`);
  console.log(`  HiGHS LP (baseline):            ${lp.seconds.toFixed(3)} s wall (${lp.cpu.toFixed(3)} s CPU), objective=${lp.objective} (status ${lp.status})`);
  console.log(
    `  objectives ${equal ? 'EQUAL' : 'DIFFERENT'}; Corridor is ${(lp.seconds / median(ours.times)).toFixed(1)}x faster than HiGHS in wall time, ${(lp.cpu / median(ours.cpu)).toFixed(1)}x in CPU time (goal: >= 10x)`,
  );
  if (!equal) process.exitCode = 1;
  if (env.BENCH_SKIP_LARGE !== '1') largeInChild();
}

await main();
