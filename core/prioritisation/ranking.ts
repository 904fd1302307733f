export interface Scored<B> {
  score: number;
  breakdown: B;
}

export interface RankedItem<T, B> {
  item: T;
  score: number;
  breakdown: B;
  /** Competition rank (1, 2, 2, 4): equal scores share a rank. */
  rank: number;
  /** 1-based place in the ranked list; equal scores keep the order they were given in. */
  position: number;
}

/**
 * Ranks items by descending score, keeping each item's score breakdown. Ties are stable: items
 * with equal scores keep their input order (`position`) and share a competition rank (`rank`).
 * Throws a RangeError for a score that is not a finite number.
 *
 * @example
 * computeRanking(['a', 'b', 'c'], (id) => ({ score: id === 'b' ? 2 : 1, breakdown: null }))
 *   .map((r) => [r.item, r.rank, r.position]); // [['b', 1, 1], ['a', 2, 2], ['c', 2, 3]]
 */
export function computeRanking<T, B>(
  items: readonly T[],
  scoreOf: (item: T) => Scored<B>,
): RankedItem<T, B>[] {
  const scored = items.map((item, index) => {
    const { score, breakdown } = scoreOf(item);
    if (!Number.isFinite(score))
      throw new RangeError(`item ${index} has a score that is not a finite number: ${score}`);
    return { item, score, breakdown };
  });
  // Array.prototype.sort is stable (ES2019): equal scores keep their input order.
  scored.sort((a, b) => b.score - a.score);
  const ranked: RankedItem<T, B>[] = [];
  scored.forEach((s, k) => {
    const previous = ranked[k - 1];
    const rank = previous && previous.score === s.score ? previous.rank : k + 1;
    ranked.push({ ...s, rank, position: k + 1 });
  });
  return ranked;
}
