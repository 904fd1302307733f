import type { Command } from 'commander';

// Placeholder: the 'value' command group is not built yet.
export function registerValueCommands(_program: Command): void {}
