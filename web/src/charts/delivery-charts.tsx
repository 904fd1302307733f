import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// The delivery charts, loaded with the charting library only when a page draws one.
const SeriesImpl = lazy(() =>
  import('./delivery-series-chart').then((m) => ({ default: m.DeliverySeriesChart })),
);
const ScatterImpl = lazy(() =>
  import('./delivery-series-chart').then((m) => ({ default: m.DeliveryScatterChart })),
);

export type { ReferenceSpec, ScatterPoint, SeriesRow, SeriesSpec } from './delivery-series-chart';

export function SeriesChart(props: ComponentProps<typeof SeriesImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <SeriesImpl {...props} />
    </Suspense>
  );
}

export function ScatterPlot(props: ComponentProps<typeof ScatterImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <ScatterImpl {...props} />
    </Suspense>
  );
}
