import type { Figures } from '../../api/value';
import { formatMoney } from '../../lib/format';
import { formatNumber, formatPercent, formatPeriods } from './value-common';

// Each figure with the formula behind it (docs/finance.md), so a reader can check the arithmetic.
const EXPLAINED: {
  key: keyof Figures;
  label: string;
  formula: string;
  format: (f: Figures, unit: string) => string;
}[] = [
  {
    key: 'npv',
    label: 'Net present value (NPV)',
    formula:
      'Σ net flow ÷ (1 + rate)^period, period 0 undiscounted (Excel NPV help: flows discounted to today).',
    format: (f) => formatMoney(f.npv),
  },
  {
    key: 'irr',
    label: 'Internal rate of return (IRR)',
    formula:
      'The rate at which NPV = 0, found numerically; none when the flows never change sign, several when they change sign more than once.',
    format: (f) => (f.irrs.length > 1 ? f.irrs.map(formatPercent).join(' or ') : formatPercent(f.irr)),
  },
  {
    key: 'payback',
    label: 'Simple payback',
    formula:
      'The period in which the cumulative undiscounted net flow turns non-negative, interpolated linearly inside it.',
    format: (f, unit) => formatPeriods(f.payback, unit),
  },
  {
    key: 'discountedPayback',
    label: 'Discounted payback',
    formula: 'As simple payback, on the discounted net flows: the money’s time value makes it later.',
    format: (f, unit) => formatPeriods(f.discountedPayback, unit),
  },
  {
    key: 'roi',
    label: 'Return on investment (ROI)',
    formula: '(total benefits − total costs) ÷ total costs, undiscounted.',
    format: (f) => `${formatPercent(f.roi)} (${formatMoney(f.totalBenefits)} − ${formatMoney(f.totalCosts)})`,
  },
  {
    key: 'bcr',
    label: 'Benefit-cost ratio (BCR)',
    formula: 'Present value of benefits ÷ present value of costs; above 1 the benefits outweigh the costs.',
    format: (f) => `${formatNumber(f.bcr)} (${formatMoney(f.pvBenefits)} ÷ ${formatMoney(f.pvCosts)})`,
  },
];

/** The six figures of a business case, each with its formula in words. */
export function FiguresExplained({ figures, periodUnit }: { figures: Figures; periodUnit: string }) {
  return (
    <>
      <dl className="value-figures">
        {EXPLAINED.map((e) => (
          <div key={e.key}>
            <dt>{e.label}</dt>
            <dd className="value-figure">{e.format(figures, periodUnit)}</dd>
            <dd className="muted">{e.formula}</dd>
          </div>
        ))}
      </dl>
      {figures.warnings.length > 0 && (
        <ul aria-label="Warnings">
          {figures.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Short forms for the comparison table. */
export const FIGURE_ROWS: { label: string; value: (f: Figures, unit: string) => string }[] = EXPLAINED.map(
  (e) => ({
    label: e.label,
    value: e.format,
  }),
);
