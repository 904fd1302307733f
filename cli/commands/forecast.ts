import type { Command } from 'commander';

// Placeholder: the 'forecast' command group is not built yet.
export function registerForecastCommands(_program: Command): void {}
