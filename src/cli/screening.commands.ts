import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isDomainError } from '../platform/errors';
import { findJob, runNextJob } from '../platform/jobs/queue';
import { generateEvaluationSet, importWatchlist, screenFiles } from '../modules/screening';
import { CliError, createProgress } from './cli-error';
import { withDatabase } from './database';

const CLI_CONTEXT = { actor: { system: 'cli' }, requestId: `cli-${process.pid}-${Date.now()}` } as const;

function mustExist(path: string | undefined, option: string): string {
  if (!path) throw new CliError(`${option} is required (see --help)`, 2);
  if (!existsSync(path)) throw new CliError(`cannot read ${path}: no such file`);
  return path;
}

function oneLine(error: unknown): never {
  if (isDomainError(error)) {
    const first = error.fields[0];
    throw new CliError(
      first
        ? `${error.code}: ${first.path}: ${first.message}${error.fields.length > 1 ? ` (and ${error.fields.length - 1} more)` : ''}`
        : `${error.code}: ${error.message}`,
    );
  }
  throw error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerScreeningCommands(program: Command): void {
  const screen = program
    .command('screen')
    .description('screen PEOPLE.csv against LIST.csv and write MATCHES.csv (DESIGN.md section 8); subcommands: generate, import')
    .option('--list <file>', 'LIST.csv: id,name,birth_date[,gender,passport_number,nationality]')
    .option('--people <file>', 'PEOPLE.csv: id,surname,given_names,birth_date[,patronymic,name_cyrillic,gender,passport_number]')
    .option('--out <file>', 'MATCHES.csv to write: person_id,list_id,score,decision,reason')
    .action(async (options: { list?: string; people?: string; out?: string }) => {
      const listPath = mustExist(options.list, '--list');
      const peoplePath = mustExist(options.people, '--people');
      if (!options.out) throw new CliError('--out is required (see --help)', 2);
      let bar: ReturnType<typeof createProgress> | undefined;
      let lastListReport = 0;
      const summary = await screenFiles({
        listPath,
        peoplePath,
        outPath: options.out,
        onProgress: (p) => {
          if (p.phase === 'list') {
            if (p.done - lastListReport >= 100_000 || lastListReport === 0) process.stderr.write(`reading the list: ${p.done} entries\n`);
            lastListReport = p.done;
            return;
          }
          bar ??= createProgress('screening', p.total);
          bar.update(p.done);
        },
      }).catch(oneLine);
      bar?.finish();
      const memory = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        `screened ${summary.people} people against ${summary.listEntries} list entries: pairs compared ${summary.pairsCompared}, matches ${summary.matches}, reviews ${summary.reviews}, people with alerts ${summary.peopleWithAlerts}, ${summary.seconds.toFixed(1)} s (index ${summary.indexSeconds.toFixed(1)} s), peak memory ${memory} MiB`,
      );
    });

  screen
    .command('generate')
    .description('write a synthetic evaluation set (people.csv, list.csv, truth.csv) from Tajik name stock')
    .requiredOption('--out-dir <dir>', 'folder to write to')
    .option('--population <n>', 'number of people', '100000')
    .option('--list-size <n>', 'number of list entries', '100000')
    .option('--seed <n>', 'random seed', '20261128')
    .action(async (options: { outDir: string; population: string; listSize: string; seed: string }) => {
      const [people, list, seed] = [Number(options.population), Number(options.listSize), Number(options.seed)];
      for (const [name, value] of [
        ['--population', people],
        ['--list-size', list],
      ] as const) {
        if (!Number.isInteger(value) || value < 1 || value > 10_000_000) throw new CliError(`${name} must be a whole number from 1 to 10000000`, 2);
      }
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new CliError('--seed must be a whole number from 0 to 2147483648', 2);
      const bar = createProgress('generating', people + list);
      const set = await generateEvaluationSet({ people, list, seed, outDir: options.outDir, onProgress: (done) => bar.update(done) });
      bar.finish();
      console.log(`wrote ${set.peoplePath}, ${set.listPath}, ${set.truthPath}: ${set.truePairs} true pairs, ${set.namesakes} namesakes`);
    });

  screen
    .command('import')
    .description('import LIST.csv as a new list version (all or nothing) and rescreen the pool, showing progress')
    .requiredOption('--file <file>', 'LIST.csv to import')
    .option('--source <text>', 'where the list comes from (default: the file name)')
    .option('--no-wait', 'do not wait for the rescreen of the pool')
    .action(async (options: { file: string; source?: string; wait: boolean }) => {
      const path = mustExist(options.file, '--file');
      const csv = await readFile(path, 'utf8');
      await withDatabase(async ({ db }) => {
        const result = await importWatchlist(db, CLI_CONTEXT, { source: options.source ?? basename(path), csv }).catch(oneLine);
        console.log(`imported list version ${result.version}: ${result.entries} entries`);
        if (!options.wait || result.jobId === null) return;
        const jobId = result.jobId;
        let bar: ReturnType<typeof createProgress> | undefined;
        const show = async () => {
          const job = await findJob(db, jobId);
          if (job?.progress) {
            bar ??= createProgress('rescreening the pool', job.progress.total);
            bar.update(job.progress.done);
          }
          return job;
        };
        for (;;) {
          const job = await show();
          if (!job || job.status === 'done' || job.status === 'failed') {
            bar?.finish();
            if (job?.status === 'failed') throw new CliError(`the rescreen failed: ${job.lastError ?? 'unknown error'}`);
            console.log(`rescreen done: ${job?.progress?.done ?? 0} cases`);
            return;
          }
          if (!(await runNextJob(db))) await sleep(500);
        }
      });
    });
}
