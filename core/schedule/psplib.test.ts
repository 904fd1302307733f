// biome-ignore lint/style/noRestrictedImports: the test reads the shared PSPLIB sample files; the parser itself takes a string.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PsplibFormatError, parsePsplib } from './psplib';
import { earliestStarts, makespanLowerBound, topologicalJobs } from './rcpsp';

// PSPLIB samples (Kolisch & Sprecher 1996), see /work/shared/data/README.md.
const PSPLIB_DIR = new URL('../../../shared/data/psplib/', import.meta.url);
const readInstanceText = (file: string) => readFileSync(new URL(file, PSPLIB_DIR), 'utf8');
const samples = readdirSync(PSPLIB_DIR).filter((f) => /^j\d+_\d+\.sm$/.test(f));

describe('parsePsplib', () => {
  it('reads j3015_3.sm: 32 jobs, 4 renewable capacities, durations and demands', () => {
    const instance = parsePsplib(readInstanceText('j3015_3.sm'));
    expect(instance.durations).toHaveLength(32);
    expect(instance.capacities).toEqual([32, 26, 25, 32]);
    expect(instance.durations[1]).toBe(10);
    expect(instance.demands[1]).toEqual([10, 7, 8, 10]);
    expect(instance.successors[0]).toEqual([1, 2, 3]);
    expect(instance.successors[31]).toEqual([]);
    expect(instance.mpmTime).toBe(48);
  });

  it.each(samples)(
    '%s: the critical-path length equals the file MPM-Time (REFERENCES §2.4 note iv)',
    (file) => {
      const instance = parsePsplib(readInstanceText(file));
      const order = topologicalJobs(instance);
      expect(order).toBeDefined();
      const es = earliestStarts(instance, order ?? []);
      const cpm = Math.max(...es.map((s, i) => s + instance.durations[i]!));
      expect(cpm).toBe(instance.mpmTime);
      expect(makespanLowerBound(instance)).toBeGreaterThanOrEqual(cpm);
    },
  );

  it('rejects truncated, multi-mode and out-of-range files', () => {
    const text = readInstanceText('j3015_3.sm');
    expect(() => parsePsplib('not a psplib file')).toThrow(PsplibFormatError);
    expect(() => parsePsplib(text.slice(0, text.indexOf('REQUESTS/DURATIONS')))).toThrow(PsplibFormatError);
    expect(() =>
      parsePsplib(
        text.replace(
          '   1        1          3           2   3   4',
          '   1        2          3           2   3   4',
        ),
      ),
    ).toThrow(/single-mode/);
    expect(() =>
      parsePsplib(
        text.replace('  29        1          1          32', '  29        1          1          99'),
      ),
    ).toThrow(/out of range/);
  });
});
