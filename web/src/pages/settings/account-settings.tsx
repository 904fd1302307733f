import { type FormEvent, useState } from 'react';
import { useAuth } from '../../api/auth';
import { isApiError } from '../../api/client';
import {
  type TotpSetup,
  useChangePassword,
  useRevokeSession,
  useSessions,
  useTotpDisable,
  useTotpEnable,
  useTotpSetup,
} from '../../api/identity';
import { Badge, Button, Card, ErrorState, Input, Skeleton } from '../../design';
import { formatDateTime } from '../../lib/format';
import { ThemeToggle } from '../../shell/theme';
import { fieldErrors } from '../form-errors';
import { usePageTitle } from '../record-name';
import { RoleText } from '../role-text';

const MIN_PASSWORD = 12;

export function AccountSettings() {
  usePageTitle('My account · Settings');
  const auth = useAuth();
  if (auth.status !== 'signed-in') return null;
  const { user } = auth;
  return (
    <div className="grid-2">
      <Card title="Profile">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Roles</dt>
          <dd>
            {user.orgAdmin && <Badge tone="green">Organisation admin</Badge>}
            {user.roles.length === 0 && !user.orgAdmin && <span className="muted">None yet</span>}
            <ul className="account-menu__roles">
              {user.roles.map((r) => (
                <li key={`${r.role}:${r.scopeType}:${r.scopeId}`}>
                  <RoleText {...r} />
                </li>
              ))}
            </ul>
          </dd>
          <dt>Appearance</dt>
          <dd>
            <ThemeToggle />
          </dd>
        </dl>
      </Card>
      <PasswordCard />
      <TotpCard enabled={user.totpEnabled} />
      <SessionsCard />
    </div>
  );
}

function PasswordCard() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ next?: string; repeat?: string }>({});
  const server = fieldErrors(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_PASSWORD) return setLocal({ next: `Use at least ${MIN_PASSWORD} characters.` });
    if (next !== repeat) return setLocal({ repeat: 'The two passwords differ.' });
    setLocal({});
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  };

  return (
    <Card title="Password">
      <form className="stack" onSubmit={submit}>
        {change.isSuccess && <p role="status">Password changed. Your other sessions have ended.</p>}
        {server.form && (
          <p role="alert" className="t-field__error">
            {server.form}
          </p>
        )}
        <Input
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={server.currentPassword ? `Current password ${server.currentPassword}.` : undefined}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Input
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={next}
          error={local.next ?? server.newPassword}
          onChange={(e) => setNext(e.target.value)}
        />
        <Input
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          error={local.repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={change.isPending || !current}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TotpCard({ enabled }: { enabled: boolean }) {
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [started, setStarted] = useState<TotpSetup>();

  if (enabled) {
    const error = fieldErrors(disable.error);
    return (
      <Card title="Two-step sign-in" actions={<Badge tone="green">On</Badge>}>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            disable.mutate(password, { onSuccess: () => setPassword('') });
          }}
        >
          <p>Signing in with a password also asks for a code from your authenticator app.</p>
          <Input
            label="Password (to turn it off)"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            error={error.password ? `Password ${error.password}.` : error.form}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div>
            <Button type="submit" variant="danger" disabled={disable.isPending || !password}>
              Turn off two-step sign-in
            </Button>
          </div>
        </form>
      </Card>
    );
  }

  const enableError = fieldErrors(enable.error);
  return (
    <Card title="Two-step sign-in" actions={<Badge>Off</Badge>}>
      {!started ? (
        <div className="stack">
          <p>Add a one-time code from an authenticator app (TOTP) to your password sign-in.</p>
          {setup.error && (
            <p role="alert" className="t-field__error">
              {setup.error.message}
            </p>
          )}
          <div>
            <Button
              variant="primary"
              disabled={setup.isPending}
              onClick={() => setup.mutate(undefined, { onSuccess: setStarted })}
            >
              Set up two-step sign-in
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            enable.mutate(code.trim(), { onSuccess: () => setStarted(undefined) });
          }}
        >
          <p>
            Add this account to your authenticator app: open the link on the device that has the app, or type
            the secret in by hand. Then enter the code the app shows.
          </p>
          <div className="stack">
            <div>
              <strong>Secret</strong>
              <div className="secret-box">
                <code data-testid="totp-secret">{started.secret}</code>
              </div>
            </div>
            <div>
              <strong>Set-up link</strong>
              <div className="secret-box">
                <code data-testid="totp-url">{started.otpauthUrl}</code>
              </div>
            </div>
          </div>
          <Input
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            error={enableError.code ? `The code ${enableError.code}.` : enableError.form}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="row">
            <Button type="submit" variant="primary" disabled={enable.isPending || code.trim().length !== 6}>
              Turn on
            </Button>
            <Button onClick={() => setStarted(undefined)}>Cancel</Button>
          </div>
        </form>
      )}
    </Card>
  );
}

function SessionsCard() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Card title="Where you are signed in" className="grid-span-all">
      {sessions.isPending ? (
        <Skeleton label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <p className="muted">No password or single sign-on sessions are open.</p>
      ) : (
        <div className="t-table-wrap">
          <table className="t-table user-table">
            <caption className="visually-hidden">Open sessions</caption>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <td title={s.userAgent ?? undefined}>
                    {s.current && <Badge tone="green">This browser</Badge>} {describeAgent(s.userAgent)}{' '}
                    <span className="muted">
                      {s.ip ?? ''} · {s.method}
                    </span>
                  </td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td>
                    {!s.current && (
                      <Button size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)}>
                        Revoke
                        <span className="visually-hidden"> session from {formatDateTime(s.createdAt)}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.error && !isApiError(revoke.error, 'not_found') && (
        <p role="alert" className="t-field__error">
          {revoke.error.message}
        </p>
      )}
    </Card>
  );
}

/** A short name for a user-agent string ("Chrome on Linux"); the full string is the cell's title. */
function describeAgent(agent: string | null): string {
  if (!agent) return 'Unknown browser';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Mac OS X/.test(agent)
        ? 'macOS'
        : /Android/.test(agent)
          ? 'Android'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return system ? `${browser} on ${system}` : browser;
}
