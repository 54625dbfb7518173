import { Command, CommanderError } from 'commander';
import { ConfigError } from '../platform/config';
import { isDomainError } from '../platform/errors';
import { CliError } from './cli-error';
import { registerPlatformCommands } from './platform.commands';
import { registerRecruitmentCommands } from './recruitment.commands';
import { registerScreeningCommands } from './screening.commands';
import { registerServeCommand } from './serve.command';
import { registerCredentialsCommands } from './credentials.commands';
import { registerMedicalCommands } from './medical.commands';

const program = new Command('corridor').description('Corridor: an organized labour-migration corridor between two states').exitOverride();
program.configureOutput({ outputError: (text, write) => write(`corridor: ${(text.split('\n')[0] ?? '').replace(/^error: /, '')} (see --help)\n`) });

registerServeCommand(program);
registerPlatformCommands(program);
registerMedicalCommands(program);
registerCredentialsCommands(program);
registerRecruitmentCommands(program);
registerScreeningCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(`corridor: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError || isDomainError(error)) {
    process.stderr.write(`corridor: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`corridor: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
