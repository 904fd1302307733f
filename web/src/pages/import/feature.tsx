import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';

// Import lives at the top level ("more"): it feeds every office.
export const importFeature: WebFeature = {
  routes: {
    more: [
      {
        path: 'import',
        handle: { crumb: () => 'Import' } satisfies RouteHandle,
        lazy: () => import('./import-page').then((m) => ({ Component: m.ImportPage })),
      },
    ],
  },
  nav: [{ office: 'more', to: '/import', label: 'Import' }],
};
