import type { Command } from 'commander';

// Placeholder: the 'serve' command group is not built yet.
export function registerServeCommand(_program: Command): void {}
