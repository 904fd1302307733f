import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeEvmStatus, findEvmSeriesErrors } from '../../core/evm/evm-status';
import { CliError } from '../cli-error';
import { printJson } from '../output';

/** Reads a JSON file whose top level is an object, or fails with exit code 2 naming the file. */
export function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CliError(`${file}: expected a JSON object at the top level`);
  }
  return raw as Record<string, unknown>;
}

/** A required field holding an array of finite numbers, or exit code 2 naming the field. */
export function readNumberArray(file: string, doc: Record<string, unknown>, field: string): number[] {
  const value = doc[field];
  if (value === undefined) throw new CliError(`${file}: missing field "${field}" (an array of numbers)`);
  if (!Array.isArray(value)) throw new CliError(`${file}: "${field}" must be an array of numbers`);
  value.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CliError(`${file}: ${field}[${i}] must be a finite number, got ${JSON.stringify(v)}`);
    }
  });
  return value as number[];
}

/** A required finite number field, or exit code 2 naming the field. */
export function readNumber(file: string, doc: Record<string, unknown>, field: string): number {
  const value = doc[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CliError(
      `${file}: "${field}" must be a finite number, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}

/** Parses and validates `{"bac", "pv", "ev", "ac"}` (see docs/finance.md, "triad evm"). */
export function readEvmFile(file: string) {
  const doc = readJsonObject(file);
  const series = {
    bac: readNumber(file, doc, 'bac'),
    pv: readNumberArray(file, doc, 'pv'),
    ev: readNumberArray(file, doc, 'ev'),
    ac: readNumberArray(file, doc, 'ac'),
  };
  const errors = findEvmSeriesErrors(series);
  if (errors.length > 0) throw new CliError(`${file}: ${errors.join('; ')}`);
  return series;
}

const format = (v: number | null): string => (v === null ? '—' : String(Number(v.toPrecision(10))));

/** `triad evm FILE`: earned value and earned schedule at the status date. */
export function registerEvmCommand(program: Command): void {
  program
    .command('evm')
    .description(
      'Earned value and earned schedule at the status date from {"bac", "pv": cumulative plan, "ev", "ac": cumulative to date}',
    )
    .argument('<file>', 'JSON file {"bac":B,"pv":[…],"ev":[…],"ac":[…]}')
    .option('--json', 'print the result as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const s = computeEvmStatus(readEvmFile(file));
      const result = {
        sv: s.sv,
        cv: s.cv,
        spi: s.spi,
        cpi: s.cpi,
        eac: { cpi: s.eac.cpi, atypical: s.eac.atypical, cpiSpi: s.eac.cpiSpi },
        etc: s.etc,
        vac: s.vac,
        tcpi: { bac: s.tcpi.bac, eac: s.tcpi.eac },
        es: s.es,
        spiT: s.spiT,
        ieacT: s.ieacT,
        warnings: s.warnings,
      };
      if (options.json) return printJson(result);
      const lines = [
        `Status at period ${s.at} of ${s.pd}: PV ${format(s.pvAtStatus)}, EV ${format(s.evAtStatus)}, AC ${format(s.acAtStatus)}`,
        `SV ${format(s.sv)}  CV ${format(s.cv)}  SPI ${format(s.spi)}  CPI ${format(s.cpi)}`,
        `EAC: BAC/CPI ${format(s.eac.cpi)}  atypical ${format(s.eac.atypical)}  CPI×SPI ${format(s.eac.cpiSpi)}`,
        `ETC ${format(s.etc)}  VAC ${format(s.vac)}  TCPI(BAC) ${format(s.tcpi.bac)}  TCPI(EAC) ${format(s.tcpi.eac)}`,
        `Earned schedule ${format(s.es)}  SPI(t) ${format(s.spiT)}  IEAC(t) ${format(s.ieacT)} periods`,
        ...s.warnings.map((w) => `warning: ${w}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
