import type { Command } from 'commander';
import { type BusinessCaseInput, computeBusinessCase } from '../../core/finance/business-case';
import { CliError } from '../cli-error';
import { printJson } from '../output';
import { readJsonObject, readNumber, readNumberArray } from './evm';

/**
 * Parses `{"rate", "flows"}` or `{"rate", "costs", "benefits"}` (see docs/finance.md,
 * "triad value business-case"). Costs and benefits are amounts ≥ 0.
 */
export function readBusinessCaseFile(file: string): BusinessCaseInput {
  const doc = readJsonObject(file);
  const rate = readNumber(file, doc, 'rate');
  if (rate <= -1) throw new CliError(`${file}: "rate" must be greater than -1 (−100%), got ${rate}`);
  const hasFlows = doc.flows !== undefined;
  const hasSplit = doc.costs !== undefined || doc.benefits !== undefined;
  if (hasFlows && hasSplit)
    throw new CliError(`${file}: give either "flows" or "costs" and "benefits", not both`);
  if (hasFlows) {
    const flows = readNumberArray(file, doc, 'flows');
    if (flows.length === 0) throw new CliError(`${file}: "flows" must not be empty`);
    return { rate, flows };
  }
  if (!hasSplit)
    throw new CliError(`${file}: missing "flows" (net cash flow per period) or "costs" and "benefits"`);
  const costs = readNumberArray(file, doc, 'costs');
  const benefits = readNumberArray(file, doc, 'benefits');
  for (const [name, values] of [
    ['costs', costs],
    ['benefits', benefits],
  ] as const) {
    const i = values.findIndex((v) => v < 0);
    if (i >= 0)
      throw new CliError(`${file}: ${name}[${i}] must not be negative (give amounts), got ${values[i]}`);
  }
  if (costs.length === 0 && benefits.length === 0) {
    throw new CliError(`${file}: "costs" and "benefits" are both empty`);
  }
  return { rate, costs, benefits };
}

const format = (v: number | null, digits = 10): string =>
  v === null ? '—' : String(Number(v.toPrecision(digits)));

/** `triad value business-case FILE`: NPV, IRR, payback, discounted payback, ROI and BCR. */
export function registerValueCommands(program: Command): void {
  const value = program.command('value').description('Value management: business cases');
  value
    .command('business-case')
    .description('NPV, IRR, payback, discounted payback, ROI and benefit-cost ratio of a business case')
    .argument(
      '<file>',
      'JSON file {"rate":0.1,"flows":[-1000,300,…]} or {"rate":…,"costs":[…],"benefits":[…]}',
    )
    .option('--json', 'print the result as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const c = computeBusinessCase(readBusinessCaseFile(file));
      const result = {
        npv: c.npv,
        irr: c.irr,
        irrs: c.irrs,
        payback: c.payback,
        discountedPayback: c.discountedPayback,
        roi: c.roi,
        bcr: c.bcr,
        warnings: c.warnings,
      };
      if (options.json) return printJson(result);
      const lines = [
        `NPV ${format(c.npv)}`,
        `IRR ${c.irr === null ? '—' : format(c.irr)}${c.irrs.length > 1 ? ` (rates with NPV 0: ${c.irrs.map((r) => format(r)).join(', ')})` : ''}`,
        `Payback ${format(c.payback)} periods, discounted ${format(c.discountedPayback)} periods`,
        `ROI ${format(c.roi)}  BCR ${format(c.bcr)}`,
        ...c.warnings.map((w) => `warning: ${w}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
