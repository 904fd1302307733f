import { useSsoStatus } from '../../api/identity';
import { Badge, Card, ErrorState, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';

/** Whether single sign-on (OpenID Connect) is configured; it is set in the server's environment. */
export function SsoSettings() {
  usePageTitle('Single sign-on · Settings');
  const sso = useSsoStatus();
  return (
    <Card
      title="Single sign-on"
      actions={sso.data?.enabled ? <Badge tone="green">On</Badge> : sso.data ? <Badge>Off</Badge> : null}
    >
      {sso.isPending ? (
        <Skeleton label="Loading single sign-on status" />
      ) : sso.isError ? (
        <ErrorState error={sso.error} onRetry={() => void sso.refetch()} />
      ) : sso.data === null ? (
        <p className="muted">This server does not report single sign-on.</p>
      ) : sso.data.enabled ? (
        <dl className="facts">
          <dt>Protocol</dt>
          <dd>OpenID Connect (authorisation code with PKCE)</dd>
          <dt>Identity provider</dt>
          <dd className="mono">{sso.data.issuer}</dd>
          <dt>Sign-in</dt>
          <dd>The sign-in page offers “Sign in with single sign-on”.</dd>
        </dl>
      ) : (
        <p>
          Not configured. Single sign-on is set in the server’s environment (<code>TRIAD_OIDC_*</code>, see{' '}
          <code>docs/sso.md</code>); people then sign in through your identity provider.
        </p>
      )}
    </Card>
  );
}
