import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';
import './playbook.css';

// The PMO playbook pages under /portfolio, each loaded on first visit: methodology templates and
// their editor, intake and triage, the portfolio RAID and status roll-ups, the PMO setup plan, and
// per project gates, RAID, RACI and status.

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
      {
        path: ':templateId/edit',
        handle: { crumb: () => 'Edit template' } satisfies RouteHandle,
        lazy: () => import('./template-edit-page').then((m) => ({ Component: m.TemplateEditPage })),
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
  {
    path: 'status',
    handle: crumb('Status roll-up'),
    lazy: () => import('./status-rollup-page').then((m) => ({ Component: m.StatusRollupPage })),
  },
  {
    path: 'pmo-setup',
    handle: crumb('PMO setup'),
    lazy: () => import('./setup-plan-page').then((m) => ({ Component: m.SetupPlanPage })),
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
    { office: 'portfolio', to: '/portfolio/status', label: 'Status roll-up' },
    { office: 'portfolio', to: '/portfolio/pmo-setup', label: 'PMO setup' },
  ],
};
