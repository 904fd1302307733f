import type { Command } from 'commander';

// Placeholder: the 'portfolio' command group is not built yet.
export function registerPortfolioCommands(_program: Command): void {}
