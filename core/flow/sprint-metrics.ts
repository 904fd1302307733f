import { computeMean } from './percentiles';

/** What a team committed to and completed in one sprint, in story points or item counts. */
export interface SprintOutcome {
  name: string;
  committed: number;
  completed: number;
}

export interface VelocityReport {
  /** Completed per sprint, oldest first: the bars of a velocity chart. */
  perSprint: { name: string; committed: number; completed: number }[];
  /** Mean completed per sprint over all sprints. */
  average: number | undefined;
  /** Mean completed over the last `window` sprints (the usual planning figure). */
  rollingAverage: number | undefined;
  min: number | undefined;
  max: number | undefined;
  /** Population standard deviation of completed per sprint. */
  standardDeviation: number | undefined;
}

/**
 * Velocity: the amount of work completed per sprint (Scrum.org glossary, "Velocity"), with the
 * average over all sprints and over the last `window` sprints (default 3).
 *
 * @example
 * computeVelocity([{ name: 'S1', committed: 30, completed: 24 }, …], { window: 3 }).rollingAverage;
 */
export function computeVelocity(
  sprints: readonly SprintOutcome[],
  options: { window?: number } = {},
): VelocityReport {
  const window = options.window ?? 3;
  if (!(Number.isInteger(window) && window > 0))
    throw new RangeError(`window must be a positive integer, got ${window}`);
  const done = sprints.map((s) => s.completed);
  const average = computeMean(done);
  const variance = average === undefined ? undefined : computeMean(done.map((v) => (v - average) ** 2));
  return {
    perSprint: sprints.map((s) => ({ name: s.name, committed: s.committed, completed: s.completed })),
    average,
    rollingAverage: computeMean(done.slice(-window)),
    min: done.length === 0 ? undefined : Math.min(...done),
    max: done.length === 0 ? undefined : Math.max(...done),
    standardDeviation: variance === undefined ? undefined : Math.sqrt(variance),
  };
}

export interface PredictabilityReport {
  /** completed / committed per sprint; null when nothing was committed. */
  perSprint: { name: string; ratio: number | null; withinBand: boolean }[];
  /** Mean of the per-sprint ratios. */
  meanRatio: number | undefined;
  /** Share of sprints whose ratio lies within the band. */
  withinBandShare: number | undefined;
  band: [number, number];
}

/**
 * Sprint predictability: completed / committed per sprint, and the share of sprints inside a
 * target band. The default band 80–100% is SAFe's "predictable" range for the program
 * predictability measure (Scaled Agile Framework, "Inspect and Adapt").
 *
 * @example
 * computeSprintPredictability([{ name: 'S1', committed: 20, completed: 18 }]).perSprint[0].ratio; // 0.9
 */
export function computeSprintPredictability(
  sprints: readonly SprintOutcome[],
  options: { band?: [number, number] } = {},
): PredictabilityReport {
  const band = options.band ?? [0.8, 1];
  const perSprint = sprints.map((s) => {
    const ratio = s.committed > 0 ? s.completed / s.committed : null;
    return { name: s.name, ratio, withinBand: ratio !== null && ratio >= band[0] && ratio <= band[1] };
  });
  const ratios = perSprint.flatMap((s) => (s.ratio === null ? [] : [s.ratio]));
  const judged = perSprint.filter((s) => s.ratio !== null);
  return {
    perSprint,
    meanRatio: computeMean(ratios),
    withinBandShare:
      judged.length === 0 ? undefined : judged.filter((s) => s.withinBand).length / judged.length,
    band,
  };
}
