import type { Command } from 'commander';

// Placeholder: the 'schedule' command group is not built yet.
export function registerScheduleCommands(_program: Command): void {}
