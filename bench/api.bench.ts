/**
 * API throughput and latency on a real PostgreSQL server over loopback: reading a case (as the worker, and
 * as an official, whose identity read is audited) and taking a case transition, beside GET /health as the
 * baseline (framework plus one database round trip). The server runs in its own process. Maximum throughput is
 * measured with autocannon (32 connections, closed loop); the 1,000 req/s figure with an evenly paced open-loop
 * sender (see `paced`). BENCH_RUNS, BENCH_SECONDS and BENCH_CASES change the size; BENCH_VERBOSE prints the
 * paced runs' latency distribution; BENCH_PROFILE writes the server's CPU profile to bench/output.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:api
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { hashPassword } from '../src/platform/auth/password';
import { openDatabase } from '../src/platform/database/database';
import { migrate } from '../src/platform/database/migrate';
import { createRound, upsertCorridor } from '../src/modules/journey';
import { inTransaction } from '../src/platform/database/database';
import { describeMachine, median } from './machine';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 18_080 + (process.pid % 1000);
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'bench-password-1';

async function createDatabase(): Promise<string> {
  const name = `corridor_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

/** Bulk-load CASES contracted cases with an eight-step history each, one applicant account and one officer. */
async function seed(url: string) {
  const handle = await openDatabase({ kind: 'postgres', url });
  await migrate(handle.db);
  const hash = await hashPassword(PASSWORD);
  const ids = await inTransaction(handle.db, async (trx) => {
    await upsertCorridor(trx, {
      code: 'TJ-RU',
      originCountry: 'TJ',
      destinationCountry: 'RU',
      originTimezone: 'Asia/Dushanbe',
      destinationTimezone: 'Europe/Moscow',
      languages: ['tg', 'ru', 'en'],
      rules: {
        registrationExemptDays: 15,
        patentApplicationDays: 30,
        patentPaymentPeriodMonths: 1,
        certificateRenewalWindowDays: 30,
        offerResponseDays: 7,
        poolRequirements: ['medical_certificate', 'screening_clear', 'language_certificate', 'orientation'],
      },
    });
    const roundId = await createRound(trx, 'TJ-RU', '2026–2027', '2026-09-01', '2027-08-31');
    await sql`insert into persons (latin_surname, latin_given_names, origin_surname, origin_given_names, destination_surname, destination_given_names, birth_date, gender, citizenship, passport_number)
      select 'RAHMONOV', 'JAMSHED', 'Раҳмонов', 'Ҷамшед', 'Рахмонов', 'Джамшед', date '1990-01-01' + (g % 5000), 'M', 'TJK', lpad(g::text, 9, '0') from generate_series(1, ${CASES}) g`.execute(
      trx,
    );
    await sql`insert into cases (person_id, round_id, status) select id, ${roundId}, 'contracted' from persons`.execute(trx);
    await sql`insert into case_actions (case_id, action, from_status, to_status, actor_role, request_id, created_at)
      select c.id, s.action, s.from_status, s.to_status, 'system:bench', 'seed-' || c.id || '-' || s.n, now() - (9 - s.n) * interval '6 days'
      from cases c cross join (values (1, 'book_medical', 'registered', 'medical_booked'), (2, 'clear_medical', 'medical_booked', 'medical_cleared'),
        (3, 'clear_screening', 'medical_cleared', 'screened_clear'), (4, 'enter_pool', 'screened_clear', 'in_pool'), (5, 'shortlist', 'in_pool', 'shortlisted'),
        (6, 'select', 'shortlisted', 'selected'), (7, 'make_offer', 'selected', 'offered'), (8, 'sign_contract', 'offered', 'contracted')) as s(n, action, from_status, to_status)`.execute(
      trx,
    );
    const org = await trx
      .insertInto('organizations')
      .values({ kind: 'origin_agency', name: 'Bench agency', country: 'TJ' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await trx.selectFrom('cases').select(['id', 'person_id']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await trx
      .insertInto('users')
      .values([
        {
          email: 'worker@bench.local',
          display_name: 'Worker',
          role: 'applicant',
          organization_id: null,
          person_id: first.person_id,
          password_hash: hash,
          disabled_at: null,
        },
        {
          email: 'officer@bench.local',
          display_name: 'Officer',
          role: 'origin_agency',
          organization_id: org.id,
          person_id: null,
          password_hash: hash,
          disabled_at: null,
        },
      ])
      .execute();
    const all = await trx.selectFrom('cases').select('id').execute();
    return { ownCase: first.id, cases: all.map((c) => c.id) };
  });
  await sql`analyze`.execute(handle.db);
  await handle.close();
  return ids;
}

async function startServer(url: string): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/output'] : [];
  const child = spawn('node', [...profile, 'bin/corridor.mjs', 'serve', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      JOBS: 'off',
      SEED_DEMO: 'never',
      NODE_ENV: 'production',
      SECRET_KEY: 'bench-secret-key-0123456789abcdefghij',
      KEY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('Corridor is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function login(email: string): Promise<Record<string, string>> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: 32, duration: SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

/**
 * Open-loop load at a fixed rate, evenly paced: request n is due at start + n / rate, and its latency runs from
 * that due time, so a slow server cannot hide its delay by slowing the sender (coordinated omission).
 * autocannon's own rate limit sends each second's requests in a burst at the start of the second, which
 * measures a one-second burst at full concurrency rather than a steady 1,000 requests per second.
 */
async function paced(options: { url: string; headers?: Record<string, string>; rate: number }): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(options.rate * SECONDS);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const finish = (due: number, ok: boolean) => {
      if (ok) latencies.push(performance.now() - due);
      else errors += 1;
      done += 1;
      if (done === total) resolve();
    };
    const fire = (due: number) => {
      const request = http.get(options.url, { agent, headers: options.headers }, (response) => {
        response.resume();
        response.on('end', () => finish(due, (response.statusCode ?? 500) < 300));
      });
      request.on('error', () => finish(due, false));
    };
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000) + 1);
      while (sent < due) {
        fire(start + (sent * 1000) / options.rate);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  if (process.env.BENCH_VERBOSE) {
    console.log(`  paced run: p90 ${at(0.9).toFixed(1)} p95 ${at(0.95).toFixed(1)} p99 ${at(0.99).toFixed(1)} p99.9 ${at(0.999).toFixed(1)} max ${at(1).toFixed(1)} ms`);
  }
  return { rps: latencies.length / ((performance.now() - start) / 1000), p50: at(0.5), p99: at(0.99), errors };
}

async function scenario(name: string, make: () => autocannon.Options | (() => Promise<Figures>)): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const options = make();
    runs.push(typeof options === 'function' ? await options() : await load(options));
  }
  const figures = {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
  console.log(
    `${name.padEnd(46)} ${figures.rps.toFixed(0).padStart(6)} req/s   p50 ${figures.p50.toFixed(1).padStart(6)} ms   p99 ${figures.p99.toFixed(1).padStart(6)} ms   non-2xx ${figures.errors}`,
  );
  return figures;
}

async function main() {
  console.log(describeMachine());
  console.log(
    `server: PostgreSQL via ${new URL(BASE_URL).host}, ${CASES} cases, ${RUNS} runs × ${SECONDS} s each, medians; server and load generator share the machine`,
  );
  const url = await createDatabase();
  const { ownCase, cases } = await seed(url);
  const server = await startServer(url);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const worker = await login('worker@bench.local');
    const officer = await login('officer@bench.local');
    await load({ url: `${base}/health`, duration: 3 }); // warm-up
    const health = await scenario('GET /health (baseline), max', () => ({ url: `${base}/health` }));
    const readMax = await scenario('GET /api/cases/:id as the worker, max', () => ({ url: `${base}/api/cases/${ownCase}`, headers: worker }));
    const read1k = await scenario('GET /api/cases/:id as the worker, paced 1000 req/s', () => () =>
      paced({ url: `${base}/api/cases/${ownCase}`, headers: worker, rate: 1000 }),
    );
    const officialRead = await scenario('GET /api/cases/:id as an official (audited), max', () => ({ url: `${base}/api/cases/${cases[1]}`, headers: officer }));
    let next = 0;
    const transition = await scenario('POST /api/cases/:id/actions (depart), max', () => ({
      url: base,
      headers: officer,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const id = cases[next++ % cases.length];
            return { ...request, path: `/api/cases/${id}/actions`, body: JSON.stringify({ action: 'depart', requestId: `bench-${randomUUID()}` }) };
          },
        },
      ],
    }));
    console.log(
      `ratios: worker case read / health = ${(readMax.rps / health.rps).toFixed(2)} (throughput), official read / worker read = ${(officialRead.rps / readMax.rps).toFixed(2)}, transition / worker read = ${(transition.rps / readMax.rps).toFixed(2)}`,
    );
    console.log(
      `goal: case read p99 < 25 ms at 1000 req/s → measured p99 ${read1k.p99.toFixed(1)} ms at ${read1k.rps.toFixed(0)} req/s: ${read1k.p99 < 25 && read1k.rps >= 950 ? 'met' : 'not met'}`,
    );
    if (next > cases.length) console.log(`note: ${next - cases.length} transitions hit already-departed cases (409), counted in non-2xx`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${url}`);
    else await dropDatabase(url);
  }
}

await main();
