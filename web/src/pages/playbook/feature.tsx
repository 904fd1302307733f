import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';
import './playbook.css';

// The PMO playbook pages under /portfolio, each loaded on first visit: methodology templates,
// intake and triage, the portfolio RAID roll-up, and per project gates, RAID, RACI and status.

type Load = () => Promise<{ Component: () => React.ReactNode }>;
const crumb = (label: string): RouteHandle => ({ crumb: () => label });
const projectCrumb = (label: string): RouteHandle => ({
  crumb: (p) => (
    <>
      <RecordName resource="projects" id={p.projectId} /> · {label}
    </>
  ),
});
const projectRoute = (path: string, label: string, lazy: Load): RouteObject => ({
  path: `projects/:projectId/${path}`,
  handle: projectCrumb(label),
  lazy,
});

const routes: RouteObject[] = [
  {
    path: 'playbook',
    handle: crumb('Playbook'),
    children: [
      { index: true, lazy: () => import('./templates-page').then((m) => ({ Component: m.TemplatesPage })) },
      {
        path: ':templateId',
        handle: { crumb: () => 'Template' } satisfies RouteHandle,
        lazy: () => import('./template-page').then((m) => ({ Component: m.TemplatePage })),
      },
    ],
  },
  {
    path: 'intake',
    handle: crumb('Intake'),
    lazy: () => import('./intake-page').then((m) => ({ Component: m.IntakePage })),
  },
  {
    path: 'raid',
    handle: crumb('RAID roll-up'),
    lazy: () => import('./portfolio-raid-page').then((m) => ({ Component: m.PortfolioRaidPage })),
  },
  projectRoute('gates', 'Gates', () => import('./gates-page').then((m) => ({ Component: m.GatesPage }))),
  projectRoute('raid', 'RAID log', () => import('./raid-page').then((m) => ({ Component: m.RaidPage }))),
  projectRoute('raci', 'RACI', () => import('./raci-page').then((m) => ({ Component: m.RaciPage }))),
  projectRoute('status', 'Status reports', () =>
    import('./status-page').then((m) => ({ Component: m.StatusPage })),
  ),
];

export const playbookFeature: WebFeature = {
  routes: { portfolio: routes },
  nav: [
    { office: 'portfolio', to: '/portfolio/playbook', label: 'Playbook' },
    { office: 'portfolio', to: '/portfolio/intake', label: 'Intake' },
    { office: 'portfolio', to: '/portfolio/raid', label: 'RAID roll-up' },
  ],
};
