import {
  type BusinessCase,
  type BusinessCaseLine,
  computeBusinessCase,
  computeBusinessCaseTornado,
  computeScenarios,
  type ScenarioAdjustment,
  type ScenarioAnalysis,
  type Tornado,
} from '../../../core/finance';

/** A presented business-case record (API shape). */
export interface BusinessCaseRecord {
  id?: unknown;
  rate?: unknown;
  lines?: unknown;
  pessimistic?: unknown;
  optimistic?: unknown;
  sensitivity?: unknown;
}

/** Everything wrong with a business case's lines beyond what the schema checks. */
export function findBusinessCaseErrors(lines: BusinessCaseLine[]): string[] {
  const errors: string[] = [];
  const names = lines.map((l) => l.name.trim().toLowerCase());
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) errors.push(`line "${twice}" appears twice`);
  if (names.includes('rate'))
    errors.push('no line may be called "rate" (it names the discount rate in the tornado)');
  return errors;
}

/** Costs and benefits per period: each kind's lines summed period by period. */
export function sumLines(lines: readonly BusinessCaseLine[]): { costs: number[]; benefits: number[] } {
  const length = Math.max(1, ...lines.map((l) => l.amounts.length));
  const costs = new Array<number>(length).fill(0);
  const benefits = new Array<number>(length).fill(0);
  for (const line of lines) {
    const into = line.kind === 'cost' ? costs : benefits;
    line.amounts.forEach((a, t) => {
      into[t] = (into[t] ?? 0) + a;
    });
  }
  return { costs, benefits };
}

export function businessCaseInputOf(r: BusinessCaseRecord): {
  rate: number;
  costs: number[];
  benefits: number[];
} {
  return { rate: Number(r.rate), ...sumLines(r.lines as BusinessCaseLine[]) };
}

export interface BusinessCaseAnalysis {
  expected: BusinessCase;
  scenarios: ScenarioAnalysis;
  tornado: Tornado;
}

/** Figures, pessimistic/expected/optimistic scenarios (PERT-weighted NPV) and the NPV tornado of a case. */
export function analyseBusinessCase(r: BusinessCaseRecord): BusinessCaseAnalysis {
  const input = businessCaseInputOf(r);
  return {
    expected: computeBusinessCase(input),
    scenarios: computeScenarios(
      input,
      r.pessimistic as ScenarioAdjustment,
      r.optimistic as ScenarioAdjustment,
    ),
    tornado: computeBusinessCaseTornado(input.rate, r.lines as BusinessCaseLine[], Number(r.sensitivity)),
  };
}
