import { Navigate, Outlet, type RouteObject, useLocation } from 'react-router';
import { useSignedIn } from './api/auth';
import { DeliveryPage } from './pages/delivery-page';
import { NotFoundPage } from './pages/not-found-page';
import { PeoplePage } from './pages/people-page';
import { PortfolioOverviewPage } from './pages/portfolio-overview-page';
import { ProjectPage } from './pages/project-page';
import { RecordName } from './pages/record-name';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';
import { TeamPage } from './pages/team-page';
import { ValuePage } from './pages/value-page';
import { WorkItemPage } from './pages/work-item-page';
import { WorkItemsPage } from './pages/work-items-page';
import { AppShell } from './shell/app-shell';
import type { RouteHandle } from './shell/breadcrumbs';

function RequireSignIn() {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

const crumb = (label: string): RouteHandle => ({ crumb: () => label });

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireSignIn />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="/portfolio" replace /> },
          {
            path: 'portfolio',
            handle: crumb('Portfolio'),
            children: [
              { index: true, element: <PortfolioOverviewPage /> },
              {
                path: 'projects/:projectId',
                element: <ProjectPage />,
                handle: {
                  crumb: (p) => <RecordName resource="projects" id={p.projectId} />,
                } satisfies RouteHandle,
              },
            ],
          },
          {
            path: 'delivery',
            handle: crumb('Delivery'),
            children: [
              { index: true, element: <DeliveryPage /> },
              {
                path: 'work-items',
                handle: crumb('Work items'),
                children: [
                  { index: true, element: <WorkItemsPage /> },
                  {
                    path: ':workItemId',
                    element: <WorkItemPage />,
                    handle: {
                      crumb: (p) => <RecordName resource="work-items" id={p.workItemId} />,
                    } satisfies RouteHandle,
                  },
                ],
              },
              {
                path: 'teams/:teamId',
                element: <TeamPage />,
                handle: { crumb: (p) => <RecordName resource="teams" id={p.teamId} /> } satisfies RouteHandle,
              },
            ],
          },
          { path: 'value', element: <ValuePage />, handle: crumb('Value') },
          { path: 'people', element: <PeoplePage />, handle: crumb('People') },
          { path: 'settings', element: <SettingsPage />, handle: crumb('Settings') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
