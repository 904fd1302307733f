import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { signOut, useAuth } from '../api/auth';
import { Badge, Button, Menu } from '../design';
import { RoleText } from '../pages/role-text';

/** The signed-in user: name, how they signed in, their roles, and sign-out. */
export function AccountMenu() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (auth.status !== 'signed-in') return null;
  const { user } = auth;
  const close = () => setOpen(false);
  return (
    <Menu
      open={open}
      onOpenChange={setOpen}
      summaryClassName="t-button t-button--ghost t-button--sm"
      summary={
        <>
          <span className="visually-hidden">Account: </span>
          <span className="account-menu__name">{user.name}</span>
        </>
      }
    >
      <div className="t-menu__panel account-menu">
        <h2 className="visually-hidden">Account</h2>
        <p className="account-menu__who">
          <strong>{user.name}</strong>
          <br />
          <span className="muted">{user.email}</span>
        </p>
        <p className="muted">
          Signed in {auth.via === 'session' ? 'with a password' : 'with an API token'}
          {user.totpEnabled ? ' and a one-time code' : ''}.
        </p>
        <h3>Roles</h3>
        {user.orgAdmin && <Badge tone="green">Organisation admin</Badge>}
        {user.roles.length === 0 && !user.orgAdmin ? (
          <p className="muted">No roles yet; an organisation admin can grant them.</p>
        ) : (
          <ul className="account-menu__roles">
            {user.roles.map((r) => (
              <li key={`${r.role}:${r.scopeType}:${r.scopeId}`}>
                <RoleText {...r} />
              </li>
            ))}
          </ul>
        )}
        <div className="row-between">
          <Link to="/settings/account" onClick={close}>
            My account
          </Link>
          <Button
            size="sm"
            onClick={() => {
              close();
              void signOut().then(() => navigate('/sign-in', { replace: true }));
            }}
          >
            Sign out
          </Button>
        </div>
      </div>
    </Menu>
  );
}
