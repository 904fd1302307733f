import { ChartFrame } from './chart-frame';

// A probability × impact risk matrix (PMBOK 7 §4.6.5, "probability and impact matrix"): rows are
// probability levels 5 (top) to 1, columns impact levels 1 to 5; each cell shows its count and is
// coloured by the rating its score (p × i) falls in. Cells are buttons so a click (or Enter)
// filters the list beside the map; the frame gives the table view and the CSV.

export interface HeatMapCell {
  probability: number;
  impact: number;
}

const LEVELS = [1, 2, 3, 4, 5];

function toneOf(score: number, thresholds: { medium: number; high: number }): 'green' | 'amber' | 'red' {
  if (score >= thresholds.high) return 'red';
  if (score >= thresholds.medium) return 'amber';
  return 'green';
}

export function RiskHeatMap({
  title,
  cells,
  thresholds = { medium: 5, high: 12 },
  probabilityLabels,
  impactLabels,
  selected,
  onSelect,
  fileName,
}: {
  title: string;
  /** cells[p-1][i-1]: number of risks at probability p and impact i. */
  cells: number[][];
  thresholds?: { medium: number; high: number };
  probabilityLabels?: string[];
  impactLabels?: string[];
  selected?: HeatMapCell | null;
  onSelect?: (cell: HeatMapCell | null) => void;
  fileName: string;
}) {
  const count = (p: number, i: number) => cells[p - 1]?.[i - 1] ?? 0;
  const total = LEVELS.reduce((sum, p) => sum + LEVELS.reduce((s, i) => s + count(p, i), 0), 0);
  const high = LEVELS.flatMap((p) => LEVELS.map((i) => (p * i >= thresholds.high ? count(p, i) : 0))).reduce(
    (a, b) => a + b,
    0,
  );
  const pLabel = (p: number) => probabilityLabels?.[p - 1] ?? `P${p}`;
  const iLabel = (i: number) => impactLabels?.[i - 1] ?? `I${i}`;
  const rows = LEVELS.flatMap((p) =>
    LEVELS.map((i) => [`${pLabel(p)} × ${iLabel(i)}`, p, i, p * i, count(p, i)]),
  ).filter((r) => Number(r[4]) > 0);
  return (
    <ChartFrame
      title={title}
      summary={`${total} open risk${total === 1 ? '' : 's'} on the probability × impact matrix, ${high} rated high (score ≥ ${thresholds.high}).`}
      data={{ columns: ['Cell', 'Probability', 'Impact', 'Score', 'Risks'], rows }}
      fileName={fileName}
    >
      <fieldset className="heat-map">
        <legend className="visually-hidden">{title}: select a cell to filter the list</legend>
        <span className="heat-map__axis heat-map__axis--y">Probability ↑</span>
        {[...LEVELS].reverse().map((p) => (
          <div key={p} className="heat-map__row">
            <span className="heat-map__label">{pLabel(p)}</span>
            {LEVELS.map((i) => {
              const n = count(p, i);
              const active = selected?.probability === p && selected.impact === i;
              return (
                <button
                  key={i}
                  type="button"
                  className={`heat-map__cell heat-map__cell--${toneOf(p * i, thresholds)}`}
                  aria-pressed={active}
                  aria-label={`Probability ${pLabel(p)}, impact ${iLabel(i)}: ${n} risk${n === 1 ? '' : 's'}`}
                  onClick={() => onSelect?.(active ? null : { probability: p, impact: i })}
                >
                  {n > 0 ? n : ''}
                </button>
              );
            })}
          </div>
        ))}
        <div className="heat-map__row">
          <span className="heat-map__label" />
          {LEVELS.map((i) => (
            <span key={i} className="heat-map__label heat-map__label--x">
              {iLabel(i)}
            </span>
          ))}
        </div>
        <span className="heat-map__axis">Impact →</span>
      </fieldset>
    </ChartFrame>
  );
}
