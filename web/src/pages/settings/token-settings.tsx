import { type FormEvent, useState } from 'react';
import {
  type ApiToken,
  type TokenCreated,
  useCreateToken,
  useRevokeToken,
  useTokens,
} from '../../api/identity';
import { Badge, Button, Card, Dialog, ErrorState, Input, Select, Skeleton } from '../../design';
import { formatDateTime } from '../../lib/format';
import { fieldErrors } from '../form-errors';
import { usePageTitle } from '../record-name';

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: '', label: 'Never' },
];
const SCOPE_OPTIONS = [
  { value: 'read', label: 'Read only' },
  { value: 'write', label: 'Read and write' },
];

/** Personal API tokens for scripts and integrations: create (the secret shown once), list, revoke. */
export function TokenSettings() {
  usePageTitle('API tokens · Settings');
  const [created, setCreated] = useState<TokenCreated>();
  return (
    <div className="stack">
      {created && <NewTokenSecret created={created} onDone={() => setCreated(undefined)} />}
      <div className="grid-2">
        <CreateTokenCard onCreated={setCreated} />
        <Card title="About tokens">
          <p>
            A token acts as you, with your roles, from scripts and the command line: send it as{' '}
            <code>Authorization: Bearer triad_…</code>. Read-only tokens cannot change anything.
          </p>
          <p className="muted">
            Only a hash is stored, so a lost token cannot be shown again; revoke it and create another.
          </p>
        </Card>
      </div>
      <TokenList />
    </div>
  );
}

function CreateTokenCard({ onCreated }: { onCreated: (created: TokenCreated) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [expiry, setExpiry] = useState('90');
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scope, ...(expiry ? { expiresInDays: Number(expiry) } : {}) },
      {
        onSuccess: (result) => {
          setName('');
          onCreated(result);
        },
      },
    );
  };
  return (
    <Card title="Create a token">
      <form className="stack" onSubmit={submit}>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <Input
          label="Token name"
          required
          maxLength={100}
          hint="What it is for, e.g. “Nightly export”."
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="grid-2">
          <Select
            label="Access"
            options={SCOPE_OPTIONS}
            value={scope}
            onChange={(e) => setScope(e.target.value === 'write' ? 'write' : 'read')}
          />
          <Select
            label="Expires after"
            options={EXPIRY_OPTIONS}
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
          />
        </div>
        <div>
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
            Create token
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The secret, shown once: the server keeps only its hash. */
function NewTokenSecret({ created, onDone }: { created: TokenCreated; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Card title={`Token “${created.info.name}” created`}>
      <div className="stack">
        <p>
          <strong>Copy it now: it is shown only this once.</strong>
        </p>
        <div className="secret-box">
          <code data-testid="new-token-secret">{created.token}</code>
          <Button onClick={() => void copy()}>Copy token</Button>
        </div>
        <p role="status" className="muted">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'Copying was blocked; select the text and copy it.'
              : ''}
        </p>
        <div>
          <Button variant="primary" onClick={onDone}>
            Done, I have stored it
          </Button>
        </div>
      </div>
    </Card>
  );
}

function TokenList() {
  const tokens = useTokens();
  const [revoking, setRevoking] = useState<ApiToken>();
  return (
    <Card title="Your tokens">
      {tokens.isPending ? (
        <Skeleton label="Loading tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">You have no API tokens.</p>
      ) : (
        <div className="t-table-wrap">
          <table className="t-table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => {
                const status = tokenStatus(t);
                return (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</td>
                    <td>
                      <Badge tone={status === 'Active' ? 'green' : 'neutral'}>{status}</Badge>
                    </td>
                    <td>
                      {status === 'Active' && (
                        <Button size="sm" variant="danger" onClick={() => setRevoking(t)}>
                          Revoke<span className="visually-hidden"> {t.name}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </Card>
  );
}

function tokenStatus(t: ApiToken): 'Active' | 'Revoked' | 'Expired' {
  if (t.revokedAt) return 'Revoked';
  if (t.expiresAt && t.expiresAt <= new Date().toISOString()) return 'Expired';
  return 'Active';
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Revoke “${token.name}”?`}
      description="Scripts using this token stop working at once. This cannot be undone."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}
          >
            Revoke token
          </Button>
        </>
      }
    >
      {revoke.error && (
        <p role="alert" className="t-field__error">
          {revoke.error.message}
        </p>
      )}
    </Dialog>
  );
}
