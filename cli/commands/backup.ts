import type { Command } from 'commander';

// Placeholder: the 'backup' command group is not built yet.
export function registerBackupCommands(_program: Command): void {}
