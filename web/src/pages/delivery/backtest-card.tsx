import type { Backtest } from '../../api/delivery';
import { ChartFrame } from '../../charts/chart-frame';
import { SeriesChart } from '../../charts/lazy-charts';
import { Card } from '../../design';
import { describeBacktestScoring, formatShare, PERCENTILES } from './flow-format';

/**
 * How far to trust the forecast beside it: the same question asked from past dates with only
 * the history before them, compared with what happened. A calibrated P85 holds about 85% of the
 * time.
 */
export function BacktestCard({
  backtest,
  unit,
  stem,
  historyItems,
}: {
  backtest: Backtest | null;
  unit: string;
  stem: string;
  /** Items finished in the history the forecast beside it was made from. */
  historyItems: number;
}) {
  const rule = backtest ? describeBacktestScoring(backtest) : '';
  const thinNow =
    backtest && historyItems < backtest.scoring.minHistoryItems ? (
      <p className="muted" role="note">
        This forecast’s history holds only {historyItems} finished items, fewer than the{' '}
        {backtest.scoring.minHistoryItems} a past forecast needed to be scored: treat it as a rough guess.
      </p>
    ) : null;
  if (!backtest || backtest.points.length === 0)
    return (
      <Card title="Backtest">
        <p className="muted">Not enough history to replay this forecast from past dates. {rule}</p>
        {thinNow}
      </Card>
    );
  const p85 = backtest.calibration['85'];
  const trust =
    p85 === null || p85 === undefined
      ? 'Calibration could not be measured.'
      : p85 >= 0.8
        ? 'The P85 held about as often as it claims: trust it.'
        : 'The P85 held less often than it claims: plan with the P95 or shorten the history.';
  return (
    <ChartFrame
      title="Backtest"
      summary={`Replayed from ${backtest.points.length} past dates. ${rule} The P85 held ${formatShare(p85)} of the time; the P50 was off by ${backtest.meanAbsoluteErrorP50?.toFixed(1) ?? '—'} ${unit} on average. Calibration: ${PERCENTILES.map((p) => `P${p} held ${formatShare(backtest.calibration[p])}`).join(', ')}. ${trust} Definition: ${backtest.definition}`}
      fileName={`${stem}-backtest.csv`}
      data={{
        columns: ['Origin', 'Items in history', 'Actual', 'P50', 'P85', 'Within P85'],
        rows: backtest.points.map((p) => [
          p.origin,
          p.historyItems,
          p.actual,
          p.forecast['50'] ?? null,
          p.forecast['85'] ?? null,
          p.withinP85 ? 'yes' : 'no',
        ]),
      }}
    >
      <SeriesChart
        data={backtest.points.map((p) => ({
          origin: p.origin,
          actual: p.actual,
          p50: p.forecast['50'] ?? null,
          p85: p.forecast['85'] ?? null,
        }))}
        xKey="origin"
        series={[
          { key: 'actual', name: `Actual (${unit})`, kind: 'line' },
          { key: 'p50', name: 'Forecast P50', kind: 'line', dashed: true },
          { key: 'p85', name: 'Forecast P85', kind: 'line', dashed: true },
        ]}
      />
      {thinNow}
    </ChartFrame>
  );
}
