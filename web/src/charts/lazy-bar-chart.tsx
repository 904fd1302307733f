import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// The charting library is loaded only on pages that draw a chart, keeping the first load small.
const SimpleBarChartImpl = lazy(() => import('./bar-chart').then((m) => ({ default: m.SimpleBarChart })));

export function SimpleBarChart(props: ComponentProps<typeof SimpleBarChartImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <SimpleBarChartImpl {...props} />
    </Suspense>
  );
}
