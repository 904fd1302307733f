import type { RcpspInstance } from './rcpsp';

/** Thrown on text that is not a readable single-mode PSPLIB `.sm` file. */
export class PsplibFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PsplibFormatError';
  }
}

/**
 * Parses a PSPLIB single-mode `.sm` file (Kolisch & Sprecher 1996; layout in REFERENCES §3):
 * the `PRECEDENCE RELATIONS`, `REQUESTS/DURATIONS` and `RESOURCEAVAILABILITIES` blocks, plus the
 * MPM-Time of `PROJECT INFORMATION` when present. Only renewable resources are read.
 *
 * @example
 * const instance = parsePsplib(readFileSync('j301_1.sm', 'utf8'));
 * instance.durations.length; // 32 (30 jobs + dummy source and sink)
 */
export function parsePsplib(text: string): RcpspInstance {
  const lines = text.split(/\r?\n/);
  const jobCount = headerNumber(
    lines,
    /jobs \(incl\. supersource\/sink \)\s*:\s*(\d+)/,
    '"jobs (incl. supersource/sink ):"',
  );
  const resourceCount = headerNumber(lines, /-\s*renewable\s*:\s*(\d+)/, '"- renewable :"');
  if (jobCount < 1) throw new PsplibFormatError('job count must be positive');

  const successors: number[][] = Array.from({ length: jobCount }, () => []);
  for (const row of blockRows(lines, 'PRECEDENCE RELATIONS:', 1, jobCount)) {
    const [job, modes, count, ...succ] = row;
    if (job === undefined || modes === undefined || count === undefined || succ.length !== count) {
      throw new PsplibFormatError(`bad precedence row: ${row.join(' ')}`);
    }
    if (modes !== 1)
      throw new PsplibFormatError(`job ${job} has ${modes} modes; only single-mode files are supported`);
    successors[checkJob(job, jobCount) - 1] = succ.map((s) => checkJob(s, jobCount) - 1);
  }

  const durations = new Array<number>(jobCount).fill(-1);
  const demands: number[][] = Array.from({ length: jobCount }, () => []);
  for (const row of blockRows(lines, 'REQUESTS/DURATIONS:', 2, jobCount)) {
    const [job, , duration, ...use] = row;
    if (job === undefined || duration === undefined || use.length < resourceCount) {
      throw new PsplibFormatError(`bad request row: ${row.join(' ')}`);
    }
    durations[checkJob(job, jobCount) - 1] = duration;
    demands[job - 1] = use.slice(0, resourceCount);
  }
  if (durations.some((d) => d < 0)) throw new PsplibFormatError('a job has no duration row');

  const [capacities] = blockRows(lines, 'RESOURCEAVAILABILITIES:', 1, 1);
  if (!capacities || capacities.length < resourceCount)
    throw new PsplibFormatError('missing resource availabilities');

  const info = blockRows(lines, 'PROJECT INFORMATION:', 1, 1)[0];
  const mpmTime = info?.at(-1);
  return {
    durations,
    demands,
    capacities: capacities.slice(0, resourceCount),
    successors,
    ...(mpmTime === undefined ? {} : { mpmTime }),
  };
}

function headerNumber(lines: readonly string[], pattern: RegExp, label: string): number {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  throw new PsplibFormatError(`not a PSPLIB single-mode file: missing header line ${label}`);
}

/** Numeric rows after a section title, skipping `skip` header lines, stopping at a `***` rule. */
function blockRows(lines: readonly string[], title: string, skip: number, expected: number): number[][] {
  const at = lines.findIndex((l) => l.trim().startsWith(title));
  if (at < 0) throw new PsplibFormatError(`missing section ${title}`);
  const rows: number[][] = [];
  let header = skip;
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k]!.trim();
    if (line.startsWith('***')) break;
    if (header > 0 && (/[A-Za-z]/.test(line) || line.startsWith('---'))) {
      header -= 1;
      continue;
    }
    if (line === '' || line.startsWith('---')) continue;
    const row = line.split(/\s+/).map(Number);
    if (row.some((x) => !Number.isInteger(x) || x < 0))
      throw new PsplibFormatError(`bad row in ${title}: ${line}`);
    rows.push(row);
  }
  if (rows.length !== expected) {
    throw new PsplibFormatError(`${title} has ${rows.length} rows, expected ${expected}`);
  }
  return rows;
}

function checkJob(job: number, jobCount: number): number {
  if (job < 1 || job > jobCount) throw new PsplibFormatError(`job number ${job} out of range 1..${jobCount}`);
  return job;
}
