import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';

// Capacity pages under People, money and earned value under Portfolio; each page loads on first
// visit so the charts stay out of the first load.

const crumb = (label: string): RouteHandle => ({ crumb: () => label });
const projectCrumb = (label: string): RouteHandle => ({
  crumb: (p) => (
    <>
      <RecordName resource="projects" id={p.projectId} /> · {label}
    </>
  ),
});

const people: RouteObject[] = [
  {
    path: 'capacity',
    handle: crumb('Capacity'),
    lazy: () => import('./capacity-page').then((m) => ({ Component: m.CapacityPage })),
  },
  {
    path: 'availability',
    handle: crumb('Availability'),
    lazy: () => import('./availability-page').then((m) => ({ Component: m.AvailabilityPage })),
  },
  {
    path: 'suggestions',
    handle: crumb('Assignment suggestions'),
    lazy: () => import('./suggestions-page').then((m) => ({ Component: m.SuggestionsPage })),
  },
];

const portfolio: RouteObject[] = [
  {
    path: 'budgets',
    handle: crumb('Budgets'),
    lazy: () => import('./budgets-page').then((m) => ({ Component: m.BudgetsPage })),
  },
  {
    path: 'projects/:projectId/budget',
    handle: projectCrumb('Budget'),
    lazy: () => import('./project-budget-page').then((m) => ({ Component: m.ProjectBudgetPage })),
  },
  {
    path: 'projects/:projectId/evm',
    handle: projectCrumb('Earned value'),
    lazy: () => import('./evm-page').then((m) => ({ Component: m.EvmPage })),
  },
];

export const resourcesFeature: WebFeature = {
  routes: { people, portfolio },
  nav: [
    { office: 'people', to: '/people/capacity', label: 'Capacity' },
    { office: 'people', to: '/people/availability', label: 'Availability' },
    { office: 'people', to: '/people/suggestions', label: 'Suggestions' },
    { office: 'portfolio', to: '/portfolio/budgets', label: 'Budgets' },
  ],
};
