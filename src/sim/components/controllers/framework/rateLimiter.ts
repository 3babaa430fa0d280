/**
 * client-go's ItemExponentialFailureRateLimiter with the default controller settings:
 * the n-th consecutive failure of one key waits 5 ms × 2^(n-1), capped at 1000 s.
 * (client-go also combines an overall token bucket of 10 qps / burst 100; per item is enough here.)
 */
export class ItemExponentialRateLimiter {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1_000_000,
  ) {}

  /** Records one more failure of `key` and returns how long to wait before retrying it. */
  when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    // 2^n overflows to Infinity long after the cap, so min() still works.
    return Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs);
  }

  /** How many times `key` has failed in a row. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** The key succeeded: its next failure starts again from the base delay. */
  forget(key: string): void {
    this.failures.delete(key);
  }
}
