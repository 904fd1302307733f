import { type ComponentProps, lazy, Suspense } from 'react';
import { Skeleton } from '../design';

// Recharts loads only on pages that draw budget bars.
const BudgetBarsImpl = lazy(() => import('./evm-budget-bars').then((m) => ({ default: m.BudgetBars })));

export function BudgetBars(props: ComponentProps<typeof BudgetBarsImpl>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <BudgetBarsImpl {...props} />
    </Suspense>
  );
}
