import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// Recharts loads only on pages that draw the S-curve.
const EvmSCurveImpl = lazy(() => import('./evm-s-curve').then((m) => ({ default: m.EvmSCurve })));

export function EvmSCurve(props: ComponentProps<typeof EvmSCurveImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <EvmSCurveImpl {...props} />
    </Suspense>
  );
}
