import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * What the callback must know about the sign-in it completes: the state, the nonce and the PKCE
 * code verifier. They travel in a short-lived cookie sealed with AES-256-GCM (encrypted, so the
 * verifier never shows, and authenticated, so it cannot be edited), which also binds the callback
 * to the browser that started the sign-in (no login CSRF). The server keeps no per-sign-in state
 * except the states already used, so a transaction cannot be completed twice in this process.
 */
export interface SsoTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

export const TRANSACTION_COOKIE = 'triad_sso';
/** Ten minutes to sign in at the identity provider. */
export const TRANSACTION_TTL_MS = 10 * 60_000;

export class TransactionSeal {
  private readonly key: Buffer;
  private readonly used = new Map<string, number>();

  constructor(key: Buffer | undefined) {
    this.key = key ?? randomBytes(32);
  }

  seal(transaction: SsoTransaction): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The transaction in a cookie value; undefined when forged, damaged, sealed by another key or expired. */
  open(value: string | undefined, now: number): SsoTransaction | undefined {
    if (!value) return undefined;
    const raw = Buffer.from(value, 'base64url');
    if (raw.length < 12 + 16 + 2) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const transaction = JSON.parse(text) as SsoTransaction;
      return transaction.expiresAt > now ? transaction : undefined;
    } catch {
      return undefined;
    }
  }

  /** Marks a transaction used; false when it already was (a replayed callback). */
  consume(transaction: SsoTransaction, now: number): boolean {
    for (const [state, expiresAt] of this.used) if (expiresAt <= now) this.used.delete(state);
    if (this.used.has(transaction.state)) return false;
    this.used.set(transaction.state, transaction.expiresAt);
    return true;
  }
}
