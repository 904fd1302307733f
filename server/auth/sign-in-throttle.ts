/**
 * Failed sign-ins per client address in a sliding window, kept in memory: an address that fails
 * too often is refused (429) before any password is checked. Per-account lockout is stored with
 * the user, so it holds across restarts and instances.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  isBlocked(address: string, now: number): boolean {
    return this.recent(address, now).length >= this.maxFailures;
  }

  recordFailure(address: string, now: number): void {
    const list = this.recent(address, now);
    list.push(now);
    this.failures.set(address, list);
    if (this.failures.size > 50_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => now - t < this.windowMs);
  }
}

/** Consecutive failures that lock an account, and for how long. */
export const ACCOUNT_LOCK_AFTER = 5;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
