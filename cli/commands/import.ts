import type { Command } from 'commander';

// Placeholder: the 'import' command group is not built yet.
export function registerImportCommands(_program: Command): void {}
