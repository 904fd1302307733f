import { CliError } from './cli-error';

/** Parses an integer option or fails with a message naming the option (exit code 2). */
export function parseIntegerOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** Parses a YYYY-MM-DD option as a real calendar date or fails naming the option. */
export function parseDateOption(name: string, raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0]) {
    throw new CliError(`${name} must be a date as YYYY-MM-DD, got "${raw}"`);
  }
  return match[0];
}
