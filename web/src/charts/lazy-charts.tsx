import { type ComponentType, type JSX, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// Every chart's module, and the charting library with it, loads only when a page first draws that
// chart, which keeps the first load small; until then the chart's place shows a skeleton.
function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chart when this module loads, never during a render
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export type { ReferenceSpec, ScatterPoint, SeriesRow, SeriesSpec } from './delivery-series-chart';

export const SimpleBarChart = lazyChart(() => import('./bar-chart').then((m) => m.SimpleBarChart));
export const SeriesChart = lazyChart(() =>
  import('./delivery-series-chart').then((m) => m.DeliverySeriesChart),
);
export const ScatterPlot = lazyChart(() =>
  import('./delivery-series-chart').then((m) => m.DeliveryScatterChart),
);
export const BudgetBars = lazyChart(() => import('./evm-budget-bars').then((m) => m.BudgetBars));
export const EvmSCurve = lazyChart(() => import('./evm-s-curve').then((m) => m.EvmSCurve));
export const TornadoChart = lazyChart(() => import('./tornado-chart').then((m) => m.TornadoChart));
export const ValueLineChart = lazyChart(() => import('./value-line-chart').then((m) => m.ValueLineChart));
export const ValueTornadoChart = lazyChart(() =>
  import('./value-tornado-chart').then((m) => m.ValueTornadoChart),
);
export const OptimisationFrontierChart = lazyChart(() =>
  import('./optimisation-charts').then((m) => m.OptimisationFrontierChart),
);
export const OptimisationUsageChart = lazyChart(() =>
  import('./optimisation-charts').then((m) => m.OptimisationUsageChart),
);
