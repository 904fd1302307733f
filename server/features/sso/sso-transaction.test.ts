import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TransactionSeal } from './sso-transaction';

const transaction = { state: 's', nonce: 'n', codeVerifier: 'v', expiresAt: 2_000 };

describe('TransactionSeal', () => {
  it('opens what it sealed until it expires, and hides the verifier', () => {
    const seal = new TransactionSeal(undefined);
    const sealed = seal.seal(transaction);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('"codeVerifier"');
    expect(seal.open(sealed, 1_999)).toEqual(transaction);
    expect(seal.open(sealed, 2_000)).toBeUndefined();
  });

  it('refuses an edited cookie, garbage and another key', () => {
    const key = randomBytes(32);
    const sealed = new TransactionSeal(key).seal(transaction);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(new TransactionSeal(key).open(raw.toString('base64url'), 0)).toBeUndefined();
    expect(new TransactionSeal(key).open('not-a-cookie', 0)).toBeUndefined();
    expect(new TransactionSeal(key).open(undefined, 0)).toBeUndefined();
    expect(new TransactionSeal(randomBytes(32)).open(sealed, 0)).toBeUndefined();
    expect(new TransactionSeal(key).open(sealed, 0)).toEqual(transaction);
  });

  it('lets a transaction be completed once', () => {
    const seal = new TransactionSeal(undefined);
    expect(seal.consume(transaction, 0)).toBe(true);
    expect(seal.consume(transaction, 1)).toBe(false);
    expect(seal.consume({ ...transaction, state: 't' }, 1)).toBe(true);
  });
});
