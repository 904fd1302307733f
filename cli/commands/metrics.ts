import type { Command } from 'commander';

// Placeholder: the 'metrics' command group is not built yet.
export function registerMetricsCommands(_program: Command): void {}
