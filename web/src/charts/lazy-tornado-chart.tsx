import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// Loaded only on the schedule risk page, keeping the charting library out of the first load.
const TornadoChartImpl = lazy(() => import('./tornado-chart').then((m) => ({ default: m.TornadoChart })));

export function TornadoChart(props: ComponentProps<typeof TornadoChartImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <TornadoChartImpl {...props} />
    </Suspense>
  );
}
