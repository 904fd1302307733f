import type { Command } from 'commander';

// Placeholder: the 'evm' command group is not built yet.
export function registerEvmCommand(_program: Command): void {}
