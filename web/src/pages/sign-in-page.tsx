import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { checkToken, signInWithToken, useSignedIn } from '../api/auth';
import { Button, Card, Input } from '../design';
import { ThemeToggle } from '../shell/theme';
import { usePageTitle } from './record-name';

function safeNext(next: string | null): string {
  // Only same-site paths: never follow ?next=https://elsewhere.
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/portfolio';
}

export function SignInPage() {
  usePageTitle('Sign in');
  const signedIn = useSignedIn();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (signedIn) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await checkToken(token);
    setBusy(false);
    if (result === 'valid') {
      signInWithToken(token);
      void navigate(next, { replace: true });
    } else {
      setError(
        result === 'invalid'
          ? 'That token was not accepted. Check it and try again.'
          : 'The server did not answer.',
      );
    }
  };

  return (
    <main className="sign-in">
      <Card>
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <h1>Sign in to Triad</h1>
          <p className="muted">
            Paste an API token. In demo mode the server prints one (and a link that signs you in) when it
            starts.
          </p>
          <Input
            label="API token"
            name="token"
            type="password"
            autoComplete="off"
            required
            value={token}
            error={error}
            onChange={(event) => setToken(event.target.value)}
          />
          <div className="row-between">
            <ThemeToggle />
            <Button type="submit" variant="primary" disabled={busy || !token.trim()}>
              {busy ? 'Checking…' : 'Sign in'}
            </Button>
          </div>
        </form>
      </Card>
    </main>
  );
}
