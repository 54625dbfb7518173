import type { Command } from 'commander';
import { verifyAllocations } from '../modules/medical';
import { isIsoDate } from '../platform/calendar';
import { CliError, createProgress } from './cli-error';
import { withDatabase } from './database';

/** `corridor medical …`: recompute clinic allocations from the published seeds. */
export function registerMedicalCommands(program: Command): void {
  const medical = program.command('medical').description('medical examinations');
  const allocation = medical.command('allocation').description('clinic allocation');
  allocation
    .command('verify')
    .description('recompute every allocation from its published seed and booking id; exit 1 naming any that differ')
    .option('--day <date>', 'only the appointments of this day (YYYY-MM-DD)')
    .action(async (options: { day?: string }) => {
      if (options.day && !isIsoDate(options.day)) throw new CliError(`--day: not a date: ${options.day}`, 2);
      const checks = await withDatabase(async ({ db }) => {
        let progress: ReturnType<typeof createProgress> | undefined;
        const result = await verifyAllocations(db, { day: options.day }, (done, total) => {
          progress ??= createProgress('allocations', total);
          progress.update(done);
        });
        progress?.finish();
        return result;
      });
      const bad = checks.filter((c) => !c.ok);
      for (const c of bad) console.log(`FAIL ${c.appointmentId} ${c.day}: ${c.problem}`);
      console.log(`${checks.length - bad.length} passed, ${bad.length} failed`);
      if (bad.length > 0) process.exitCode = 1;
    });
}
