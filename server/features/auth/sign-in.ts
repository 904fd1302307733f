import * as OTPAuth from 'otpauth';
import { recordAudit } from '../../audit/audit-store';
import { dummyHash, verifyPassword } from '../../auth/passwords';
import { type OpenedSession, openSession } from '../../auth/sessions';
import { ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK_MS, type SignInThrottle } from '../../auth/sign-in-throttle';
import { ProblemError } from '../../http/problem';
import type { Store } from '../../store/database';

export interface SignInInput {
  email: string;
  password: string;
  totp?: string;
  ip: string;
  userAgent?: string;
  now: Date;
}

const WRONG = () => new ProblemError('unauthenticated', 'The e-mail address or the password is wrong.');

/**
 * Password sign-in: throttled per address, locked per account after repeated failures, second
 * factor when the user enabled one; every outcome is audited. Always a fresh session id.
 */
export async function signIn(
  store: Store,
  throttle: SignInThrottle,
  input: SignInInput,
): Promise<OpenedSession & { userId: string }> {
  const nowMs = input.now.getTime();
  if (throttle.isBlocked(input.ip, nowMs)) {
    throw new ProblemError(
      'rate_limited',
      'Too many failed sign-ins from your address; try again in a few minutes.',
    );
  }
  const user = await store.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    throttle.recordFailure(input.ip, nowMs);
    throw WRONG();
  }
  const actor = { organisationId: user.organisation_id, userId: null, label: `sign-in from ${input.ip}` };
  const audit = (action: 'sign_in_failed' | 'account_locked' | 'sign_in', reason: string) =>
    recordAudit(store.db, actor, input.now.toISOString(), {
      entityType: 'user',
      entityId: user.id,
      action,
      changes: { reason: { before: null, after: reason } },
    });

  if (user.locked_until && user.locked_until > input.now.toISOString()) {
    await audit('sign_in_failed', 'account locked');
    throw new ProblemError(
      'rate_limited',
      'This account is locked after repeated failed sign-ins; try again later.',
    );
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const totpOk = !user.totp_enabled || (input.totp !== undefined && checkTotp(user.totp_secret, input.totp));
  if (!passwordOk || user.disabled || (!totpOk && input.totp !== undefined)) {
    throttle.recordFailure(input.ip, nowMs);
    const failures = user.failed_sign_ins + 1;
    const lock = failures >= ACCOUNT_LOCK_AFTER;
    await store.db
      .updateTable('users')
      .set({
        failed_sign_ins: lock ? 0 : failures,
        locked_until: lock ? new Date(nowMs + ACCOUNT_LOCK_MS).toISOString() : user.locked_until,
      })
      .where('id', '=', user.id)
      .execute();
    await audit(
      'sign_in_failed',
      user.disabled ? 'account disabled' : passwordOk ? 'wrong one-time code' : 'wrong password',
    );
    if (lock) await audit('account_locked', `${ACCOUNT_LOCK_AFTER} failed sign-ins`);
    throw WRONG();
  }
  if (!totpOk)
    throw new ProblemError('mfa_required', 'Enter the six-digit code from your authenticator app.', [
      { field: 'totp', message: 'is required' },
    ]);

  return store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const session = await openSession(trx, {
      organisationId: user.organisation_id,
      userId: user.id,
      method: 'password',
      userAgent: input.userAgent,
      ip: input.ip,
      now: input.now,
    });
    await recordAudit(
      trx,
      { ...actor, userId: user.id, label: `${user.name} <${user.email}>` },
      input.now.toISOString(),
      {
        entityType: 'user',
        entityId: user.id,
        action: 'sign_in',
        changes: { address: { before: null, after: input.ip } },
      },
    );
    return { ...session, userId: user.id };
  });
}

/** RFC 6238 TOTP, 30-second steps, one step of clock drift either way. */
export function checkTotp(secret: string | null, code: string): boolean {
  if (!secret) return false;
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return totp.validate({ token: code, window: 1 }) !== null;
}
