/** Prints a JSON document on stdout, the one thing a `--json` command writes there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
