import type { Rag, StatusDimension } from './vocabulary';

// Project health as one number, always shown with the formula that made it.

/** Weights of each dimension in the health score (they sum to 1). */
export const HEALTH_WEIGHTS: Record<StatusDimension, number> = {
  schedule: 0.3,
  cost: 0.25,
  scope: 0.15,
  risk: 0.3,
};

const POINTS: Record<Rag, number> = { green: 100, amber: 50, red: 0 };

export interface HealthScore {
  /** 0–100, or null when no dimension is rated. */
  score: number | null;
  rating: Rag | null;
  formula: string;
  components: { dimension: StatusDimension; rag: Rag | null; points: number | null; weight: number }[];
}

/**
 * Health = Σ weight × points / Σ weight over rated dimensions, points green 100, amber 50, red 0;
 * unrated dimensions drop out and the remaining weights are renormalised. 75 and above rate green,
 * 40 and above amber, below red.
 *
 * @example
 * computeHealthScore({ schedule: 'amber', cost: 'green', scope: 'green', risk: 'red' }).score // 55
 */
export function computeHealthScore(rags: Record<StatusDimension, Rag | null>): HealthScore {
  const components = (Object.keys(HEALTH_WEIGHTS) as StatusDimension[]).map((dimension) => {
    const rag = rags[dimension];
    return { dimension, rag, points: rag === null ? null : POINTS[rag], weight: HEALTH_WEIGHTS[dimension] };
  });
  const rated = components.filter((c) => c.points !== null);
  const weight = rated.reduce((sum, c) => sum + c.weight, 0);
  const score =
    weight === 0
      ? null
      : Math.round((rated.reduce((sum, c) => sum + c.weight * (c.points ?? 0), 0) / weight) * 10) / 10;
  const formula =
    'health = Σ(weight × points) / Σ(weight) over rated dimensions; points green 100, amber 50, red 0; weights ' +
    components.map((c) => `${c.dimension} ${c.weight}`).join(', ') +
    '; ≥ 75 green, ≥ 40 amber, else red' +
    (rated.length > 0
      ? ` = (${rated.map((c) => `${c.weight}×${c.points}`).join(' + ')}) / ${Math.round(weight * 100) / 100}`
      : '');
  const rating: Rag | null = score === null ? null : score >= 75 ? 'green' : score >= 40 ? 'amber' : 'red';
  return { score, rating, formula, components };
}
