import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';
import { SprintName } from './sprint-name';

// The Agile PMO pages, loaded on first visit (route-level code splitting keeps the charts and
// board code out of the first load).

const teamCrumb = (label: string): RouteHandle => ({
  crumb: (p) => (
    <>
      <RecordName resource="teams" id={p.teamId} /> · {label}
    </>
  ),
});

function teamRoute(path: string, label: string, load: () => Promise<{ Component: () => React.ReactNode }>) {
  return { path: `teams/:teamId/${path}`, handle: teamCrumb(label), lazy: load } satisfies RouteObject;
}

const routes: RouteObject[] = [
  teamRoute('board', 'Board', () => import('./board-page').then((m) => ({ Component: m.BoardPage }))),
  teamRoute('backlog', 'Backlog', () => import('./backlog-page').then((m) => ({ Component: m.BacklogPage }))),
  teamRoute('sprints', 'Sprints', () => import('./sprints-page').then((m) => ({ Component: m.SprintsPage }))),
  teamRoute('flow', 'Flow analytics', () =>
    import('./flow-page').then((m) => ({ Component: m.TeamFlowPage })),
  ),
  teamRoute('forecast', 'Forecast', () =>
    import('./forecast-page').then((m) => ({ Component: m.TeamForecastPage })),
  ),
  teamRoute('retrospectives', 'Retrospectives', () =>
    import('./retrospectives-page').then((m) => ({ Component: m.RetrospectivesPage })),
  ),
  {
    path: 'sprints/:sprintId',
    handle: { crumb: (p) => <SprintName id={p.sprintId ?? ''} /> } satisfies RouteHandle,
    lazy: () => import('./sprint-page').then((m) => ({ Component: m.SprintPage })),
  },
  {
    path: 'flow',
    handle: { crumb: () => 'Flow analytics' } satisfies RouteHandle,
    lazy: () => import('./flow-page').then((m) => ({ Component: m.ScopeFlowPage })),
  },
  {
    path: 'forecast',
    handle: { crumb: () => 'Forecast' } satisfies RouteHandle,
    lazy: () => import('./forecast-page').then((m) => ({ Component: m.ScopeForecastPage })),
  },
];

export const deliveryFeature: WebFeature = {
  routes: { delivery: routes },
  nav: [
    { office: 'delivery', to: '/delivery/flow', label: 'Flow analytics' },
    { office: 'delivery', to: '/delivery/forecast', label: 'Forecasts' },
  ],
};
