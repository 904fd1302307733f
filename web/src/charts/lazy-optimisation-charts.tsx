import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// The charting library loads only when an optimiser chart is drawn.
const Frontier = lazy(() =>
  import('./optimisation-charts').then((m) => ({ default: m.OptimisationFrontierChart })),
);
const Usage = lazy(() =>
  import('./optimisation-charts').then((m) => ({ default: m.OptimisationUsageChart })),
);

export function OptimisationFrontierChart(props: ComponentProps<typeof Frontier>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <Frontier {...props} />
    </Suspense>
  );
}

export function OptimisationUsageChart(props: ComponentProps<typeof Usage>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <Usage {...props} />
    </Suspense>
  );
}
