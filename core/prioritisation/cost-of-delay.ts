/** An item with an economic cost of delay (money per unit of time) and a duration in the same time unit. */
export interface DelayItem {
  id: string;
  costOfDelayPerWeek: number;
  durationWeeks: number;
}

function check(item: DelayItem): void {
  if (!(Number.isFinite(item.costOfDelayPerWeek) && item.costOfDelayPerWeek >= 0)) {
    throw new RangeError(
      `${item.id}: cost of delay must be a finite number ≥ 0, got ${item.costOfDelayPerWeek}`,
    );
  }
  if (!(Number.isFinite(item.durationWeeks) && item.durationWeeks > 0)) {
    throw new RangeError(`${item.id}: duration must be a finite number > 0, got ${item.durationWeeks}`);
  }
}

/**
 * CD3, cost of delay divided by duration (Reinertsen, "The Principles of Product Development
 * Flow", 2009, principle F16; Arnold, blackswanfarming.com "CD3").
 *
 * @example
 * computeCd3({ id: 'B', costOfDelayPerWeek: 30, durationWeeks: 4 }); // 7.5
 */
export function computeCd3(item: DelayItem): number {
  check(item);
  return item.costOfDelayPerWeek / item.durationWeeks;
}

/**
 * Items in descending CD3, equal CD3 keeping their given order. For one team doing one item at a
 * time this order minimises the total cost of delay (Smith, "Various optimizers for single-stage
 * production", Naval Research Logistics Quarterly 3, 1956: weighted shortest processing time).
 *
 * @example
 * sequenceByCd3([{ id: 'A', costOfDelayPerWeek: 10, durationWeeks: 2 }, { id: 'B', costOfDelayPerWeek: 30, durationWeeks: 4 }]);
 * // [B, A]
 */
export function sequenceByCd3<T extends DelayItem>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, cd3: computeCd3(item) }));
  keyed.sort((a, b) => b.cd3 - a.cd3);
  return keyed.map((k) => k.item);
}

/**
 * Total cost of delay of doing items one after another in the given order: Σ CoD_i × C_i, with
 * C_i the week item i finishes (each item's value is delayed until it is delivered).
 *
 * @example
 * // Black Swan Farming ice-cream example: B then A = 30 × 4 + 10 × 6 = 180
 * computeTotalDelayCost([{ id: 'B', costOfDelayPerWeek: 30, durationWeeks: 4 }, { id: 'A', costOfDelayPerWeek: 10, durationWeeks: 2 }]);
 */
export function computeTotalDelayCost(sequence: readonly DelayItem[]): number {
  let finish = 0;
  let total = 0;
  for (const item of sequence) {
    check(item);
    finish += item.durationWeeks;
    total += item.costOfDelayPerWeek * finish;
  }
  return total;
}
