/**
 * Sessions verified in the last few seconds, by the exact Cookie header that proved them. Checking a
 * session costs about a millisecond even with better-auth's signed cookie cache (parsing, HMAC,
 * endpoint plumbing); a reader's page load and API calls repeat the same header many times in a row.
 * Only successful checks are kept, for at most `ttlMs` (well inside the 60 s the cookie cache already
 * trusts a session for), and at most `maxEntries` of them, oldest dropped first.
 */
export class RecentSessions<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 1_000,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now = Date.now()) {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(key: string) {
    this.entries.delete(key);
  }
}
