import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { signInWithPassword, signInWithToken, useAuth } from '../api/auth';
import { apiRequest, isApiError } from '../api/client';
import { useSsoStatus } from '../api/identity';
import { Button, Card, Input } from '../design';
import { ThemeToggle } from '../shell/theme';
import { usePageTitle } from './record-name';

/** Only same-site paths: never follow ?next=https://elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/portfolio';
}

type Mode = 'password' | 'token' | 'forgot';

export function SignInPage() {
  usePageTitle('Sign in');
  const auth = useAuth();
  const [params] = useSearchParams();
  const [mode, setMode] = useState<Mode>('password');
  const next = safeNext(params.get('next'));

  // Signing in changes the auth state, which lands here and goes on to where the user wanted to be.
  if (auth.status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <main className="sign-in">
      <Card>
        <div className="stack">
          <h1>Sign in to Triad</h1>
          {mode === 'password' && <PasswordForm onForgot={() => setMode('forgot')} />}
          {mode === 'token' && <TokenForm />}
          {mode === 'forgot' && <ForgotForm onBack={() => setMode('password')} />}
          <SsoButton />
          <div className="row-between">
            <ThemeToggle />
            {mode === 'token' ? (
              <Button variant="ghost" size="sm" onClick={() => setMode('password')}>
                Use e-mail and password
              </Button>
            ) : (
              <Button variant="ghost" size="sm" onClick={() => setMode('token')}>
                Use an API token
              </Button>
            )}
          </div>
          <p className="muted">Trying the demo? Demo accounts are printed in the server log.</p>
        </div>
      </Card>
    </main>
  );
}

function PasswordForm({ onForgot }: { onForgot: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await signInWithPassword(email.trim(), password, needsCode ? code.trim() : undefined);
    setBusy(false);
    if (result.outcome === 'mfa-required') {
      setNeedsCode(true);
    } else if (result.outcome === 'refused') {
      setError(
        result.code === 'unauthenticated'
          ? needsCode
            ? 'The code or the password was not accepted.'
            : 'The e-mail address or the password is wrong.'
          : result.message,
      );
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <Input
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        error={needsCode ? undefined : error}
        onChange={(event) => setPassword(event.target.value)}
      />
      {needsCode && (
        <Input
          label="One-time code"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          // The field appears because the server asked for it; put the cursor there.
          autoFocus
          hint="The six-digit code from your authenticator app."
          value={code}
          error={error}
          onChange={(event) => setCode(event.target.value)}
        />
      )}
      <div className="row-between">
        <Button variant="ghost" size="sm" onClick={onForgot}>
          Forgot your password?
        </Button>
        <Button type="submit" variant="primary" disabled={busy || !email.trim() || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </div>
    </form>
  );
}

function TokenForm() {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await signInWithToken(token);
    setBusy(false);
    if (result !== 'valid') {
      setError(
        result === 'invalid'
          ? 'That token was not accepted. Check it and try again.'
          : 'The server did not answer.',
      );
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <p className="muted">
        Paste an API token (Settings → API tokens). It is kept for this tab only. Live updates work with
        tokens too.
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
        <span />
        <Button type="submit" variant="primary" disabled={busy || !token.trim()}>
          {busy ? 'Checking…' : 'Sign in with token'}
        </Button>
      </div>
    </form>
  );
}

function ForgotForm({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('busy');
    setError(undefined);
    try {
      await apiRequest('POST', '/auth/password-reset', { body: { email: email.trim() } });
      setState('sent');
    } catch (caught) {
      setState('idle');
      setError(isApiError(caught) ? caught.message : 'The server did not answer.');
    }
  };

  if (state === 'sent') {
    return (
      <div className="stack">
        <p role="status">
          If an account uses {email.trim()}, a link to set a new password is on its way. It works once, for 30
          minutes.
        </p>
        <Button onClick={onBack}>Back to sign-in</Button>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <p className="muted">Enter your e-mail address and we send you a link to set a new password.</p>
      <Input
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        error={error}
        onChange={(event) => setEmail(event.target.value)}
      />
      <div className="row-between">
        <Button variant="ghost" size="sm" onClick={onBack}>
          Back to sign-in
        </Button>
        <Button type="submit" variant="primary" disabled={state === 'busy' || !email.trim()}>
          Send the link
        </Button>
      </div>
    </form>
  );
}

/** Shown only when the server has single sign-on configured (and knows the endpoint at all). */
function SsoButton() {
  const sso = useSsoStatus();
  if (!sso.data?.enabled || !sso.data.startUrl) return null;
  return (
    // A full page load: the browser goes to the identity provider and comes back with a cookie.
    <a className="t-button t-button--secondary" href={sso.data.startUrl}>
      Sign in with single sign-on
    </a>
  );
}
