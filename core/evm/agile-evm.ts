import { computeEvmMetrics, type EvmMetrics } from './evm-metrics';
import { divideOrNull } from './ratio';

/** A release's AgileEVM inputs, true at a sprint boundary. */
export interface AgileEvmInput {
  /** Release budget (BAC). */
  bac: number;
  /** Total planned sprints in the release (L). */
  plannedSprints: number;
  /** Sprints completed so far (n). */
  sprintsCompleted: number;
  /** Story points planned for the release, including any added so far (PRSP). */
  plannedStoryPoints: number;
  /** Story points of the completed (accepted) stories so far. */
  completedStoryPoints: number;
  /** Actual cost spent on the release so far. */
  actualCost: number;
}

export interface AgileEvm extends EvmMetrics {
  /** Planned percent complete: n / L. */
  ppc: number;
  /** Actual percent complete: completed / planned story points. */
  apc: number;
  pvAtStatus: number;
  evAtStatus: number;
  /** L / SPI: sprints the release will take if schedule performance continues. */
  forecastSprints: number | null;
}

/**
 * AgileEVM (Sulaiman, Barton & Blackburn, "AgileEVM — Earned Value Management in Scrum
 * Projects", Agile 2006): progress is measured in story points at sprint boundaries.
 * PPC = n / L, APC = completed points / planned points, PV = PPC × BAC, EV = APC × BAC, AC as
 * spent; SPI, CPI, EAC, ETC, VAC and TCPI then follow the usual EVM formulas.
 *
 * @example
 * // 10-sprint release, budget 100,000, 4 sprints done, 40 of 120 points accepted, 45,000 spent
 * computeAgileEvm({ bac: 100000, plannedSprints: 10, sprintsCompleted: 4, plannedStoryPoints: 120,
 *   completedStoryPoints: 40, actualCost: 45000 }); // PV 40,000, EV 33,333, SPI 0.833, CPI 0.741
 */
export function computeAgileEvm(input: AgileEvmInput): AgileEvm {
  for (const [name, value] of Object.entries(input)) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  if (input.plannedSprints <= 0 || input.plannedStoryPoints <= 0) {
    throw new RangeError('plannedSprints and plannedStoryPoints must be positive');
  }
  const ppc = input.sprintsCompleted / input.plannedSprints;
  const apc = input.completedStoryPoints / input.plannedStoryPoints;
  const pv = ppc * input.bac;
  const ev = apc * input.bac;
  const metrics = computeEvmMetrics({ bac: input.bac, pv, ev, ac: input.actualCost });
  const forecastSprints = divideOrNull(
    input.plannedSprints,
    metrics.spi,
    'forecast sprints',
    'SPI is 0 (no points accepted yet)',
    metrics.warnings,
  );
  return { ...metrics, ppc, apc, pvAtStatus: pv, evAtStatus: ev, forecastSprints };
}
