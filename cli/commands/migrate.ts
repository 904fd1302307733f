import type { Command } from 'commander';

// Placeholder: the 'migrate' command group is not built yet.
export function registerMigrateCommand(_program: Command): void {}
