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

/** Words for a sentence: period names, what value is, how amounts read, the budget step. */
export interface ShadowPriceWords {
  periodLabel?: (period: number) => string;
  /** What the value is, e.g. "NPV" or "WSJF cost of delay". */
  valueName?: string;
  /** Formats an amount, e.g. 1_200_000 → "1.2 M". */
  formatAmount?: (x: number) => string;
  /** Budget is priced per this many units (one unit of money is too small to say anything). */
  budgetStep?: number;
  /** Unit of capacity, e.g. "FTE". */
  capacityUnit?: string;
}

/**
 * One sentence per shadow price, for the portfolio page.
 *
 * @example
 * describeShadowPrice({ kind: 'capacity', skill: 'data-engineering', period: 2, price: 1.2, limit: 4, used: 4 });
 * // "One more unit of data-engineering capacity in period 2 would add about 1.2 of value."
 * describeShadowPrice(sp, { periodLabel: (p) => `2026-Q${p + 1}`, valueName: 'NPV', capacityUnit: 'FTE' });
 * // "One more FTE of data-engineering capacity in 2026-Q3 would add about 1.2 of NPV."
 */
export function describeShadowPrice(sp: ShadowPrice, words: ShadowPriceWords = {}): string {
  const when = words.periodLabel ? words.periodLabel(sp.period) : `period ${sp.period}`;
  const value = words.valueName ?? 'value';
  const amount = words.formatAmount ?? about;
  if (sp.kind === 'budget' && words.budgetStep !== undefined) {
    const step = words.budgetStep;
    return `${amount(step)} more budget in ${when} would add about ${amount(sp.price * step)} of ${value}.`;
  }
  const unit = sp.kind === 'capacity' && words.capacityUnit ? words.capacityUnit : 'unit';
  const what = sp.kind === 'budget' ? 'budget' : `${sp.skill ?? 'skill'} capacity`;
  return `One more ${unit} of ${what} in ${when} would add about ${amount(sp.price)} of ${value}.`;
}
