import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/audit';
import { createUser } from '../platform/auth/accounts';
import { ROLES, type Role } from '../platform/auth/roles';
import { inTransaction } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { isDomainError } from '../platform/errors';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo } from '../demo/seed';
import { CliError } from './cli-error';
import { withDatabase } from './database';

const CLI_CONTEXT = { actor: { system: 'cli' }, requestId: `cli-${process.pid}-${Date.now()}` } as const;

export function registerPlatformCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending SQL migrations to the configured database')
    .action(async () => {
      const result = await withDatabase((handle) => migrate(handle.db), { migrate: false });
      console.log(result.applied.length ? `applied ${result.applied.length}: ${result.applied.join(', ')}` : `up to date (${result.skipped} migrations)`);
    });

  program
    .command('seed')
    .description('load data into an empty database')
    .option('--demo', 'the demo corridor, organizations, officials and applicants')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) throw new CliError('nothing to seed: pass --demo', 2);
      await withDatabase(async ({ db }, config) => {
        if (!(await isDatabaseEmpty(db))) throw new CliError('the database already has accounts; the demo seed only loads into an empty database');
        const world = await seedDemo(db, new Date(), config);
        console.log(`seeded ${world.applicants.length} applicants, ${world.organizations.size} organizations`);
        console.log(formatDemoAccounts(world));
      });
    });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('walk the hash chain; exit 1 naming the first row that does not verify')
    .action(async () => {
      const result = await withDatabase(({ db }) => verifyAuditChain(db));
      if (!result.ok && result.broken)
        throw new CliError(`audit chain broken at seq ${result.broken.seq} (${result.broken.reason}); ${result.rows} rows verified before it`);
      console.log(`audit chain ok: ${result.rows} rows`);
    });

  const user = program.command('user').description('accounts');
  user
    .command('add')
    .description('create an account for an official (the password is read from stdin)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.filter((r) => r !== 'applicant').join(', ')}`)
    .requiredOption('--org <organization>', 'organization id or exact name')
    .option('--locale <locale>', 'tg, ru or en', 'ru')
    .action(async (options: { email: string; name: string; role: string; org: string; locale: string }) => {
      if (!(ROLES as readonly string[]).includes(options.role) || options.role === 'applicant') throw new CliError(`unknown role "${options.role}"`, 2);
      if (!['tg', 'ru', 'en'].includes(options.locale)) throw new CliError(`unknown locale "${options.locale}"`, 2);
      const password = await readPassword();
      await withDatabase(async ({ db }) => {
        const org = await db
          .selectFrom('organizations')
          .select('id')
          .where((eb) => (/^[0-9a-f-]{36}$/i.test(options.org) ? eb('id', '=', options.org) : eb('name', '=', options.org)))
          .executeTakeFirst();
        if (!org) throw new CliError(`no organization "${options.org}"`);
        try {
          const id = await inTransaction(db, (trx) =>
            createUser(trx, CLI_CONTEXT, {
              email: options.email,
              displayName: options.name,
              role: options.role as Role,
              password,
              organizationId: org.id,
              locale: options.locale as 'tg' | 'ru' | 'en',
            }),
          );
          console.log(`created user ${id}`);
        } catch (error) {
          if (isDomainError(error)) throw new CliError(`${error.code}: ${error.fields.map((f) => `${f.path} ${f.message}`).join('; ') || error.message}`);
          throw error;
        }
      });
    });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new CliError('no password on stdin');
}
