import { useMemo } from 'react';
import { useEverything } from '../api/resources';
import { ErrorState, Skeleton } from '../design';
import { computeWeeklyThroughput } from '../lib/throughput';
import { ChartFrame } from './chart-frame';
import { SimpleBarChart } from './lazy-bar-chart';

const WEEKS = 12;

/**
 * Weekly throughput of a team over the last twelve weeks, counted in the browser from the work
 * items' `doneAt` until the analytics endpoints exist.
 */
export function ThroughputCard({ teamId, teamName }: { teamId: string; teamName: string }) {
  const today = useMemo(() => new Date(), []);
  const from = new Date(today.getTime() - WEEKS * 7 * 86_400_000).toISOString();
  const done = useEverything('work-items', { teamId, statusCategory: 'done', doneAtFrom: from });
  const weeks = useMemo(
    () =>
      computeWeeklyThroughput(
        (done.data ?? []).map((w) => w.doneAt),
        today,
        WEEKS,
      ),
    [done.data, today],
  );
  if (done.isPending) return <Skeleton lines={5} label="Loading throughput" />;
  if (done.isError) return <ErrorState error={done.error} onRetry={() => void done.refetch()} />;
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const busiest = weeks.reduce(
    (best, w) => (w.count > best.count ? w : best),
    weeks[0] ?? { week: '', count: 0 },
  );
  return (
    <ChartFrame
      title={`Weekly throughput: ${teamName}`}
      summary={`${total} work items finished in the last ${WEEKS} weeks; the busiest week (from ${busiest.week}) finished ${busiest.count}.`}
      fileName={`throughput-${teamName.toLowerCase().replaceAll(/\W+/g, '-')}.csv`}
      data={{ columns: ['Week starting', 'Items finished'], rows: weeks.map((w) => [w.week, w.count]) }}
    >
      <SimpleBarChart
        data={weeks.map((w) => ({ label: w.week.slice(5), value: w.count }))}
        valueName="Items finished"
      />
    </ChartFrame>
  );
}
