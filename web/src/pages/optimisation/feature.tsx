import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';

// The portfolio optimiser under Value (the VMO decides what is funded and when): scenarios, a
// scenario with its runs and result, and two scenarios side by side. Pages load on first visit.

const crumb = (label: string): RouteHandle => ({ crumb: () => label });

export const optimisationFeature: WebFeature = {
  routes: {
    value: [
      {
        path: 'optimisation',
        handle: crumb('Optimisation'),
        lazy: () => import('./scenario-list-page').then((m) => ({ Component: m.ScenarioListPage })),
      },
      {
        path: 'optimisation/compare',
        handle: crumb('Compare scenarios'),
        lazy: () => import('./compare-page').then((m) => ({ Component: m.ComparePage })),
      },
      {
        path: 'optimisation/:scenarioId',
        handle: crumb('Scenario'),
        lazy: () => import('./scenario-page').then((m) => ({ Component: m.ScenarioPage })),
      },
    ],
  },
  nav: [{ office: 'value', to: '/value/optimisation', label: 'Optimisation' }],
};
