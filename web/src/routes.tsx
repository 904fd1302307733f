import { Navigate, Outlet, type RouteObject, useLocation } from 'react-router';
import { useAuth } from './api/auth';
import { Skeleton } from './design';
import { featureRoutes } from './features';
import { DeliveryPage } from './pages/delivery-page';
import { NotFoundPage } from './pages/not-found-page';
import { PeoplePage } from './pages/people-page';
import { PortfolioOverviewPage } from './pages/portfolio-overview-page';
import { ProjectPage } from './pages/project-page';
import { RecordName } from './pages/record-name';
import { ResetPasswordPage } from './pages/reset-password-page';
import { AccountSettings } from './pages/settings/account-settings';
import { SettingsLayout } from './pages/settings/settings-layout';
import { SsoSettings } from './pages/settings/sso-settings';
import { TokenSettings } from './pages/settings/token-settings';
import { UserSettings } from './pages/settings/user-settings';
import { SignInPage } from './pages/sign-in-page';
import { TeamPage } from './pages/team-page';
import { ValuePage } from './pages/value-page';
import { WorkItemPage } from './pages/work-item-page';
import { WorkItemsPage } from './pages/work-items-page';
import { AppShell } from './shell/app-shell';
import type { RouteHandle } from './shell/breadcrumbs';

function RequireSignIn() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'checking') {
    return (
      <main className="sign-in">
        <Skeleton label="Loading Triad" />
      </main>
    );
  }
  if (auth.status === 'signed-out') {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

const crumb = (label: string): RouteHandle => ({ crumb: () => label });

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
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
              ...featureRoutes('portfolio'),
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
              ...featureRoutes('delivery'),
            ],
          },
          {
            path: 'value',
            handle: crumb('Value'),
            children: [{ index: true, element: <ValuePage /> }, ...featureRoutes('value')],
          },
          {
            path: 'people',
            handle: crumb('People'),
            children: [{ index: true, element: <PeoplePage /> }, ...featureRoutes('people')],
          },
          ...featureRoutes('more'),
          {
            path: 'settings',
            element: <SettingsLayout />,
            handle: crumb('Settings'),
            children: [
              { index: true, element: <Navigate to="/settings/account" replace /> },
              { path: 'account', element: <AccountSettings />, handle: crumb('My account') },
              { path: 'tokens', element: <TokenSettings />, handle: crumb('API tokens') },
              { path: 'users', element: <UserSettings />, handle: crumb('Users and roles') },
              { path: 'sso', element: <SsoSettings />, handle: crumb('Single sign-on') },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
