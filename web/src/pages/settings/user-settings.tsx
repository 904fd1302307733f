import { type FormEvent, useState } from 'react';
import { useCurrentUser } from '../../api/auth';
import {
  ROLE_LABELS,
  SCOPE_TYPES,
  type ScopeType,
  type User,
  useCreateUser,
  useGrantRole,
  useRevokeRole,
  useUpdateUser,
  useUsers,
} from '../../api/identity';
import { useEverything } from '../../api/resources';
import { Badge, Button, Card, Dialog, EmptyState, Input, QueryView, Select } from '../../design';
import { humanise } from '../../design/field';
import { fieldErrors } from '../form-errors';
import { usePageTitle } from '../record-name';
import { RoleText } from '../role-text';

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const SCOPE_OPTIONS = SCOPE_TYPES.map((value) => ({ value, label: humanise(value) }));

/** Organisation admins: accounts, who holds which role where, and disabling accounts. */
export function UserSettings() {
  usePageTitle('Users and roles · Settings');
  const me = useCurrentUser();
  const users = useUsers(me?.orgAdmin === true);
  const [granting, setGranting] = useState<User>();

  if (!me?.orgAdmin) {
    return (
      <EmptyState title="For organisation admins">
        Ask an organisation admin to create accounts or change roles.
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      <CreateUserCard />
      <Card title="Users">
        <QueryView query={users} label="users">
          {(usersData) => (
            <div className="t-table-wrap">
              <table className="t-table user-table">
                <caption className="visually-hidden">Users of the organisation and their roles</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {usersData.map((u) => (
                    <UserRow key={u.id} user={u} isMe={u.id === me.id} onGrant={() => setGranting(u)} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Card>
      {granting && <GrantRoleDialog user={granting} onClose={() => setGranting(undefined)} />}
    </div>
  );
}

function UserRow({ user, isMe, onGrant }: { user: User; isMe: boolean; onGrant: () => void }) {
  const update = useUpdateUser();
  const revoke = useRevokeRole();
  return (
    <tr>
      <th scope="row">
        {user.name}
        <br />
        <span className="muted">{user.email}</span>
      </th>
      <td>
        {user.orgAdmin && <Badge tone="green">Organisation admin</Badge>}
        <ul className="user-table__roles">
          {user.roles.map((r) => (
            <li key={r.id}>
              <RoleText {...r} />{' '}
              <Button
                size="sm"
                variant="ghost"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(r.id)}
              >
                Revoke
                <span className="visually-hidden">
                  {' '}
                  {ROLE_LABELS[r.role] ?? r.role} from {user.name}
                </span>
              </Button>
            </li>
          ))}
        </ul>
        {user.roles.length === 0 && !user.orgAdmin && <span className="muted">No roles</span>}
      </td>
      <td>
        {user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge>Active</Badge>}{' '}
        {user.totpEnabled && <Badge>Two-step</Badge>} {user.sso && <Badge>SSO</Badge>}
        {update.error && (
          <p role="alert" className="t-field__error">
            {update.error.message}
          </p>
        )}
      </td>
      <td>
        <div className="row">
          <Button size="sm" onClick={onGrant}>
            Grant role<span className="visually-hidden"> to {user.name}</span>
          </Button>
          {!isMe && (
            <Button
              size="sm"
              variant={user.disabled ? 'secondary' : 'danger'}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
              <span className="visually-hidden"> {user.name}</span>
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

function CreateUserCard() {
  const create = useCreateUser();
  const [draft, setDraft] = useState({ name: '', email: '', password: '', orgAdmin: false });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: draft.name.trim(),
        email: draft.email.trim(),
        ...(draft.password ? { password: draft.password } : {}),
        orgAdmin: draft.orgAdmin,
      },
      { onSuccess: () => setDraft({ name: '', email: '', password: '', orgAdmin: false }) },
    );
  };
  return (
    <Card title="Create a user">
      <form className="stack" onSubmit={submit}>
        {create.isSuccess && <p role="status">User created. Grant them roles below.</p>}
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Input
            label="Name"
            required
            value={draft.name}
            error={errors.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <Input
            label="E-mail"
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            error={errors.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
          <Input
            label="Initial password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. Leave empty for single sign-on or a password-reset link."
            value={draft.password}
            error={errors.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <label className="t-check">
            <input
              type="checkbox"
              checked={draft.orgAdmin}
              onChange={(e) => setDraft({ ...draft, orgAdmin: e.target.checked })}
            />
            Organisation admin (may do everything)
          </label>
        </div>
        <div>
          <Button
            type="submit"
            variant="primary"
            disabled={create.isPending || !draft.name.trim() || !draft.email.trim()}
          >
            Create user
          </Button>
        </div>
      </form>
    </Card>
  );
}

function GrantRoleDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const grant = useGrantRole();
  const [role, setRole] = useState('team_member');
  const [scopeType, setScopeType] = useState<ScopeType>('team');
  const [scopeId, setScopeId] = useState('');
  const portfolios = useEverything('portfolios');
  const projects = useEverything('projects');
  const teams = useEverything('teams');
  const scopes = { portfolio: portfolios, project: projects, team: teams }[scopeType];
  const scopeOptions = (scopes.data ?? []).map((r) => ({
    value: r.id,
    label: 'key' in r && r.key ? `${r.key} ${r.name}` : r.name,
  }));
  const errors = fieldErrors(grant.error);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Grant a role to ${user.name}`}
      description="A role reaches every record inside the portfolio, project or team it is held on."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={grant.isPending || !scopeId}
            onClick={() =>
              grant.mutate({ userId: user.id, role, scopeType, scopeId }, { onSuccess: onClose })
            }
          >
            Grant role
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <Select label="Role" options={ROLE_OPTIONS} value={role} onChange={(e) => setRole(e.target.value)} />
        <Select
          label="Held on"
          options={SCOPE_OPTIONS}
          value={scopeType}
          onChange={(e) => {
            setScopeType(e.target.value as ScopeType);
            setScopeId('');
          }}
        />
        <Select
          label={humanise(scopeType)}
          placeholder={scopes.isPending ? 'Loading…' : `Choose a ${scopeType}`}
          options={scopeOptions}
          value={scopeId}
          error={errors.scopeId}
          onChange={(e) => setScopeId(e.target.value)}
        />
      </div>
    </Dialog>
  );
}
