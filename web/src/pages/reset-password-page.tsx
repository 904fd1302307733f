import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { apiRequest, isApiError } from '../api/client';
import { Button, ButtonLink, Card, Input } from '../design';
import { usePageTitle } from './record-name';

const MIN_LENGTH = 12;

function readResetToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

/** `/reset-password#token=…`, the page the password-reset link opens. */
export function ResetPasswordPage() {
  usePageTitle('Set a new password');
  const [token] = useState(readResetToken);
  // Like the sign-in link's token: out of the address bar and history once read.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH)
      return setErrors({ password: `Use at least ${MIN_LENGTH} characters.` });
    if (password !== repeat) return setErrors({ repeat: 'The two passwords differ.' });
    setErrors({});
    setState('busy');
    try {
      await apiRequest('POST', '/auth/password-reset/confirm', { body: { token, newPassword: password } });
      setState('done');
    } catch (caught) {
      setState('idle');
      setErrors(
        isApiError(caught, 'validation_failed') && caught.errors.some((e) => e.field === 'token')
          ? { form: 'This link is unknown, expired or already used. Ask for a new one on the sign-in page.' }
          : { form: caught instanceof Error ? caught.message : 'The server did not answer.' },
      );
    }
  };

  return (
    <main className="sign-in">
      <Card>
        <div className="stack">
          <h1>Set a new password</h1>
          {!token ? (
            <p role="alert">
              This page needs the link from the reset message. <Link to="/sign-in">Ask for a new one.</Link>
            </p>
          ) : state === 'done' ? (
            <>
              <p role="status">Your password is changed, and your other sessions have ended.</p>
              <ButtonLink to="/sign-in" variant="primary">
                Sign in
              </ButtonLink>
            </>
          ) : (
            <form className="stack" onSubmit={(event) => void submit(event)}>
              {errors.form && (
                <p role="alert" className="t-field__error">
                  {errors.form}
                </p>
              )}
              <Input
                label="New password"
                type="password"
                autoComplete="new-password"
                required
                hint={`At least ${MIN_LENGTH} characters.`}
                value={password}
                error={errors.password}
                onChange={(event) => setPassword(event.target.value)}
              />
              <Input
                label="Repeat the new password"
                type="password"
                autoComplete="new-password"
                required
                value={repeat}
                error={errors.repeat}
                onChange={(event) => setRepeat(event.target.value)}
              />
              <Button type="submit" variant="primary" disabled={state === 'busy'}>
                Set password
              </Button>
            </form>
          )}
        </div>
      </Card>
    </main>
  );
}
