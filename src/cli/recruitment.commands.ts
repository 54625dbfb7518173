import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { matching } from '../modules/recruitment';
import { CliError, createProgress } from './cli-error';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function parse<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof matching.CsvError) throw new CliError(`malformed CSV: ${error.message}`);
    throw error;
  }
}

/** `corridor match`: the optimal assignment of DESIGN.md section 8 over CSV files, no database needed. */
export function registerRecruitmentCommands(program: Command): void {
  program
    .command('match')
    .description('optimal assignment of candidates to vacancies (seats and quotas respected); DESIGN.md section 8')
    .requiredOption('--candidates <file>', 'C.csv: id,occupation,skill_level,russian_level,experience_years,waiting_days,preferred_regions')
    .requiredOption('--vacancies <file>', 'V.csv: id,employer_id,occupation,region,seats,min_skill_level,min_russian_level,min_experience_years')
    .option('--quotas <file>', 'Q.csv: region,occupation,remaining (no row, no cap)')
    .requiredOption('--out <file>', 'A.csv to write: candidate_id,vacancy_id,weight')
    .action((options: { candidates: string; vacancies: string; quotas?: string; out: string }) => {
      const candidates = parse(() => matching.parseCandidatesCsv(readText(options.candidates, 'candidates'), options.candidates));
      const vacancies = parse(() => matching.parseVacanciesCsv(readText(options.vacancies, 'vacancies'), options.vacancies));
      const quotas = options.quotas ? parse(() => matching.parseQuotasCsv(readText(options.quotas as string, 'quotas'), options.quotas)) : [];
      const instance = { candidates, vacancies, quotas };
      const progress = createProgress('matching', candidates.length);
      const result = matching.solveAssignment(instance, { onProgress: (p) => progress.update(p.done), progressEvery: 1000 });
      const seconds = progress.finish();
      try {
        writeFileSync(options.out, matching.formatAssignmentsCsv(instance, result));
      } catch (error) {
        throw new CliError(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      process.stderr.write(
        `${candidates.length} candidates, ${vacancies.length} vacancies, ${result.edges} fitting pairs, solved in ${seconds.toFixed(2)} s\n`,
      );
      console.log(`objective=${result.objective} assigned=${result.assigned}`);
    });
}
