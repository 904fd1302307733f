import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './harness';

// Runs every bench/*.bench.ts (or those whose name contains an argument) and prints one table
// per suite. Figures are ratios against a baseline measured in the same run, never absolutes alone.
const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

for (const file of files) {
  const suite = (await import(join(here, file))).default as BenchSuite;
  console.log(`\n## ${suite.name}`);
  const rows = await suite.run();
  console.table(
    rows.map((r) => ({
      figure: r.name,
      value: r.value,
      baseline: r.baseline ?? '',
      ratio: r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
      note: r.note ?? '',
    })),
  );
}
