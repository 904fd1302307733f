import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// Value charts load the charting library only on the pages that draw them.
const LineImpl = lazy(() => import('./value-line-chart').then((m) => ({ default: m.ValueLineChart })));
const TornadoImpl = lazy(() =>
  import('./value-tornado-chart').then((m) => ({ default: m.ValueTornadoChart })),
);

export function ValueLineChart(props: ComponentProps<typeof LineImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <LineImpl {...props} />
    </Suspense>
  );
}

export function ValueTornadoChart(props: ComponentProps<typeof TornadoImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <TornadoImpl {...props} />
    </Suspense>
  );
}
