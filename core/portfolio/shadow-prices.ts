import type { PortfolioModel } from './mip-model';

/** The marginal value of one more unit of a binding budget or capacity row. */
export interface ShadowPrice {
  kind: 'budget' | 'capacity';
  skill?: string;
  period: number;
  /** Value added per extra unit, from the LP relaxation's row dual. */
  price: number;
  limit: number;
  used: number;
}

/**
 * Picks the binding budget and capacity rows with a non-zero dual from an LP-relaxation solve of
 * `model` (built with `relax: true`), most valuable first. Duals of the relaxation are the classic
 * marginal values of linear programming (Dantzig 1963, ch. 12); for the 0/1 problem they are an
 * estimate, which is why the sentences say "about".
 */
export function selectShadowPrices(
  model: PortfolioModel,
  rowDual: ArrayLike<number>,
  rowValue: ArrayLike<number>,
  minPrice = 1e-6,
): ShadowPrice[] {
  const out: ShadowPrice[] = [];
  model.rows.forEach((row, r) => {
    if (!row.resource) return;
    // HiGHS reports a ≤ row's dual as ≥ 0 when maximising; the magnitude is the marginal value.
    const price = Math.abs(rowDual[r] ?? 0);
    const used = rowValue[r] ?? 0;
    const { kind, skill, period, limit } = row.resource;
    const binding = used >= limit - 1e-7 * Math.max(1, Math.abs(limit));
    if (binding && price > minPrice)
      out.push({ kind, ...(skill ? { skill } : {}), period, price, limit, used });
  });
  return out.sort((a, b) => b.price - a.price || a.period - b.period);
}

const about = (x: number) => String(Number(x.toPrecision(x >= 1 ? 3 : 2)));

/**
 * One sentence per shadow price, for the portfolio page.
 *
 * @example
 * describeShadowPrice({ kind: 'capacity', skill: 'data-engineering', period: 2, price: 1.2, limit: 4, used: 4 });
 * // "One more unit of data-engineering capacity in period 2 would add about 1.2 of value."
 */
export function describeShadowPrice(sp: ShadowPrice): string {
  const what = sp.kind === 'budget' ? 'budget' : `${sp.skill ?? 'skill'} capacity`;
  return `One more unit of ${what} in period ${sp.period} would add about ${about(sp.price)} of value.`;
}
