import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { registerBackupCommands } from './commands/backup';
import { registerEvmCommand } from './commands/evm';
import { registerForecastCommands } from './commands/forecast';
import { registerImportCommands } from './commands/import';
import { registerMetricsCommands } from './commands/metrics';
import { registerMigrateCommand } from './commands/migrate';
import { registerPortfolioCommands } from './commands/portfolio';
import { registerScheduleCommands } from './commands/schedule';
import { registerSeedCommand } from './commands/seed';
import { registerServeCommand } from './commands/serve';
import { registerValueCommands } from './commands/value';

const program = new Command('triad')
  .description('Triad: PMO, Agile PMO and VMO on one portfolio data model')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerMigrateCommand(program);
registerSeedCommand(program);
registerBackupCommands(program);
registerForecastCommands(program);
registerScheduleCommands(program);
registerValueCommands(program);
registerEvmCommand(program);
registerPortfolioCommands(program);
registerImportCommands(program);
registerMetricsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0; usage errors are exit code 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError || (error instanceof Error && error.name === 'ConfigError')) {
    process.stderr.write(`triad: ${error.message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  } else {
    process.stderr.write(
      `triad: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
