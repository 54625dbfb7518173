/**
 * Screening benchmark (issue 4): quality and speed of the name-matching engine.
 *
 * 1. OpenSanctions name_bench: the 548 Person pairs of ../shared/testdata/names/opensanctions-nomenklatura,
 *    names only, scored with the product's default `match` threshold (no threshold chosen for this set).
 * 2. Generated sets (`corridor screen generate`): 100k people × 100k entries and 1M × 800k; precision, recall
 *    and F1 of `match`, recall of `match`+`review`, alerts per 1,000 people, pairs compared, throughput and
 *    peak memory, beside the baseline of exact comparison after ICAO transliteration, measured in the same run.
 * 3. Single-person screening against the 800k list: p50/p99 latency.
 *
 * `npm run bench:screening` runs everything; `-- --quick` skips the 1M × 800k set. Each measurement runs in
 * its own process (peak memory is per process). Output of the generated sets goes to bench/output/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseCsvText } from '../src/modules/screening/batch/csv';
import { evaluateMatches, generateEvaluationSet, matching, readTruth } from '../src/modules/screening';

const OUT = 'bench/output';
const NAME_BENCH = '../shared/testdata/names/opensanctions-nomenklatura';
const quick = process.argv.includes('--quick');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const fmt = (n: number, digits = 3) => n.toFixed(digits);

function header() {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(
    `policy: match name ≥ ${matching.DEFAULT_POLICY.matchName} with an agreeing full birth date; review otherwise as in screening/matching/policy.ts\n`,
  );
}

function nameBench() {
  const rows = [...parseCsvText(readFileSync(join(NAME_BENCH, 'name_bench_cases.csv'), 'utf8'))].slice(1).map((r) => r.fields);
  const people = rows.filter((f) => f[1] === 'Person');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const started = performance.now();
  for (const f of people) {
    const score = matching.compareNames(matching.prepareFullName(f[2] ?? ''), matching.prepareFullName(f[3] ?? ''), false).score;
    const predicted = score >= matching.DEFAULT_POLICY.matchName;
    const truth = f[4] === 'true';
    if (predicted && truth) tp += 1;
    else if (predicted) fp += 1;
    else if (truth) fn += 1;
  }
  const ms = performance.now() - started;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  console.log(`OpenSanctions name_bench, ${people.length} Person pairs, names only, threshold ${matching.DEFAULT_POLICY.matchName}:`);
  console.log(`  Corridor    precision ${fmt(p)}  recall ${fmt(r)}  F1 ${fmt((2 * p * r) / (p + r))}  (${fmt(ms, 0)} ms)`);
  const frozen = [...parseCsvText(readFileSync(join(NAME_BENCH, 'name_bench_logicv2_frozen.csv'), 'utf8'))].slice(1).map((x) => x.fields);
  const peer = frozen.filter((f) => f[2] === 'Person');
  const ptp = peer.filter((f) => f[5] === 'true' && f[10] === 'true').length;
  const pfp = peer.filter((f) => f[5] !== 'true' && f[10] === 'true').length;
  const pfn = peer.filter((f) => f[5] === 'true' && f[10] !== 'true').length;
  const pp = ptp / (ptp + pfp);
  const pr = ptp / (ptp + pfn);
  console.log(
    `  logic-v2    precision ${fmt(pp)}  recall ${fmt(pr)}  F1 ${fmt((2 * pp * pr) / (pp + pr))}  (OpenSanctions' frozen run, ${peer.length} Person pairs, threshold 0.7)\n`,
  );
}

function child(mode: string, ...args: string[]): Record<string, any> {
  const output = execFileSync(process.execPath, ['--max-old-space-size=3584', '--import', 'tsx', 'bench/screening-child.ts', mode, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, any>;
}

async function generatedSet(people: number, list: number, runs: number) {
  const dir = join(OUT, `set-${people}x${list}`);
  if (!existsSync(join(dir, 'truth.csv'))) await generateEvaluationSet({ people, list, outDir: dir });
  const truth = await readTruth(join(dir, 'truth.csv'));
  const [listPath, peoplePath] = [join(dir, 'list.csv'), join(dir, 'people.csv')];
  const product = Array.from({ length: runs }, () => child('batch', listPath, peoplePath, join(dir, 'matches.csv')));
  const quality = await evaluateMatches(join(dir, 'matches.csv'), truth);
  const baselineRuns = Array.from({ length: runs }, () => child('baseline', listPath, peoplePath, join(dir, 'baseline.csv')));
  const base = await evaluateMatches(join(dir, 'baseline.csv'), truth);
  const seconds = median(product.map((r) => r.seconds));
  const baseSeconds = median(baselineRuns.map((r) => r.seconds));
  const last = product[product.length - 1] as Record<string, any>;
  console.log(
    `${people.toLocaleString('en')} people × ${list.toLocaleString('en')} entries (${truth.size} true pairs; median of ${runs} run${runs > 1 ? 's' : ''}):`,
  );
  const line = (name: string, q: typeof quality, s: number, peak: number, compared?: number) =>
    console.log(
      `  ${name.padEnd(10)} match P ${fmt(q.precisionMatch)} R ${fmt(q.recallMatch)} F1 ${fmt(q.f1Match)} · recall match+review ${fmt(q.recallMatchOrReview)} · alerts/1000 ${fmt((q.peopleWithAlerts / people) * 1000, 1)} · ${fmt(s, 1)} s · ${Math.round(people / s).toLocaleString('en')} people/s${compared === undefined ? '' : ` · pairs compared ${compared.toLocaleString('en')}`} · peak ${peak} MiB`,
    );
  line('Corridor', quality, seconds, Math.max(...product.map((r) => r.peakMiB)), last.pairsCompared);
  line('baseline', base, baseSeconds, Math.max(...baselineRuns.map((r) => r.peakMiB)));
  console.log(
    `  cpu        Corridor ${fmt(median(product.map((r) => r.cpuSeconds)), 1)} s, baseline ${fmt(median(baselineRuns.map((r) => r.cpuSeconds)), 1)} s of CPU (the wall clock above also counts other work on a shared machine)`,
  );
  console.log(
    `  ratios     recall match+review ×${fmt(quality.recallMatchOrReview / Math.max(base.recallMatchOrReview, 1e-9), 2)}, time ×${fmt(seconds / baseSeconds, 1)} of the baseline; index built in ${fmt(last.indexSeconds, 1)} s; matches ${quality.matches}, reviews ${quality.reviews}\n`,
  );
  return { listPath, peoplePath };
}

header();
nameBench();
await generatedSet(100_000, 100_000, 3);
if (!quick) {
  const big = await generatedSet(1_000_000, 800_000, 1);
  const single = child('single', big.listPath, big.peoplePath);
  const p99 = median(single.rounds.map((r: { p99: number }) => r.p99));
  const p50 = median(single.rounds.map((r: { p50: number }) => r.p50));
  console.log(
    `single-person screening against ${single.entries.toLocaleString('en')} entries: p50 ${fmt(p50, 3)} ms, p99 ${fmt(p99, 3)} ms (median of ${single.rounds.length} rounds of ${single.screened.toLocaleString('en')}), index ${fmt(single.indexSeconds, 1)} s, peak ${single.peakMiB} MiB`,
  );
}
