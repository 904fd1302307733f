import type { Command } from 'commander';

// Placeholder: the 'seed' command group is not built yet.
export function registerSeedCommand(_program: Command): void {}
