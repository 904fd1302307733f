import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type { Organisation } from '../api/types';
import { Card, EmptyState } from '../design';
import { ThemeToggle } from '../shell/theme';
import { usePageTitle } from './record-name';

// Identity (users, roles, tokens, SSO) is a later issue; these sections hold its place.
export function SettingsPage() {
  usePageTitle('Settings');
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: ({ signal }) => apiRequest<Organisation>('GET', '/organisation', { signal }),
  });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">{organisation.data ? organisation.data.name : 'Organisation'}</p>
        </div>
      </div>
      <div className="grid-2">
        <Card title="Appearance">
          <p>Light, dark, or follow the system setting.</p>
          <ThemeToggle />
        </Card>
        <Card title="Users">
          <EmptyState title="Coming with identity">
            Inviting and managing users arrives with password sign-in.
          </EmptyState>
        </Card>
        <Card title="Roles">
          <EmptyState title="Coming with identity">
            Roles and permissions per office arrive with identity.
          </EmptyState>
        </Card>
        <Card title="API tokens">
          <EmptyState title="Coming with identity">
            Tokens are issued from the command line today; managing them here arrives with identity.
          </EmptyState>
        </Card>
        <Card title="Single sign-on">
          <EmptyState title="Not configured">OIDC and SAML status will show here.</EmptyState>
        </Card>
      </div>
    </>
  );
}
