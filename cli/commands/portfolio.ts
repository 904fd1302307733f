import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { listUnlimitedSkills, ProblemFormatError, parseProblem } from '../../core/portfolio/parse-problem';
import type { PortfolioProblem } from '../../core/portfolio/problem';
import { type PortfolioSolution, solvePortfolio } from '../../server/optimisation/solve-portfolio';
import { CliError } from '../cli-error';
import { printJson } from '../output';

const DEFAULT_TIME_LIMIT_MS = 30_000;

/** Reads and checks a portfolio file; every problem with it becomes a CliError (exit code 2). */
export function readProblemFile(file: string): PortfolioProblem {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parseProblem(raw);
  } catch (error) {
    if (error instanceof ProblemFormatError)
      throw new CliError(`invalid portfolio file ${file}:\n  - ${error.issues.join('\n  - ')}`);
    throw error;
  }
}

function parseTimeLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`--time-limit-ms must be a positive whole number, got '${value}'`);
  return n;
}

/** The JSON document of `portfolio optimize --json` (the contract in docs/optimisation.md). */
export function presentSolution(solution: PortfolioSolution): Record<string, unknown> {
  return {
    status: solution.status,
    objective: solution.objective,
    gap: solution.gap,
    selected: solution.plan.selected,
    ...(solution.conflicts ? { conflicts: solution.conflicts } : {}),
  };
}

function printText(solution: PortfolioSolution): void {
  const lines = [`status: ${solution.status}`];
  if (solution.objective !== null) lines.push(`value: ${solution.objective}`);
  if (solution.gap !== null) lines.push(`gap: ${(solution.gap * 100).toFixed(3)} %`);
  for (const s of solution.plan.selected) lines.push(`  ${s.id} starts in period ${s.start}`);
  for (const c of solution.conflicts ?? []) lines.push(`  conflict: ${c.description}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `triad portfolio optimize FILE [--time-limit-ms N] [--json]`. */
export function registerPortfolioCommands(program: Command): void {
  const portfolio = program.command('portfolio').description('Portfolio selection and scheduling');
  portfolio
    .command('optimize')
    .description('Choose and schedule candidate initiatives for the most value within budget and capacity')
    .argument('<file>', 'portfolio problem as JSON (see docs/optimisation.md)')
    .option('--time-limit-ms <n>', 'solver time limit in milliseconds', parseTimeLimit, DEFAULT_TIME_LIMIT_MS)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { timeLimitMs: number; json?: boolean }) => {
      const problem = readProblemFile(file);
      for (const skill of listUnlimitedSkills(problem))
        process.stderr.write(
          `triad: warning: skill '${skill}' has no capacity in the file; treated as unlimited\n`,
        );
      const solution = await solvePortfolio(problem, { timeLimitMs: opts.timeLimitMs });
      if (opts.json) printJson(presentSolution(solution));
      else printText(solution);
    });
}
