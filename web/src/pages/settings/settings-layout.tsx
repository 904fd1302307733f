import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { apiRequest } from '../../api/client';
import type { Organisation } from '../../api/types';
import { usePageTitle } from '../record-name';

/** Settings: one's own account and tokens for everyone; users and roles for organisation admins. */
export function SettingsLayout() {
  usePageTitle('Settings');
  const user = useCurrentUser();
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: ({ signal }) => apiRequest<Organisation>('GET', '/organisation', { signal }),
  });
  const sections = [
    { to: '/settings/account', label: 'My account' },
    { to: '/settings/tokens', label: 'API tokens' },
    // The server refuses these routes to others anyway; hiding them avoids a page of errors.
    ...(user?.orgAdmin ? [{ to: '/settings/users', label: 'Users and roles' }] : []),
    { to: '/settings/sso', label: 'Single sign-on' },
  ];
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">{organisation.data ? organisation.data.name : 'Organisation'}</p>
        </div>
      </div>
      <nav className="settings-nav" aria-label="Settings">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
