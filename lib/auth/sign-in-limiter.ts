/**
 * Failed sign-ins per account. better-auth's own limiter keys on the client IP, which a forged
 * X-Forwarded-For changes at will; this one keys on the email address, so guessing one account's
 * password is slowed whatever the headers say. In memory, per instance.
 */
export type SignInLimiter = {
  /** Seconds to wait before trying this email again, or 0. */
  retryAfter(email: string, now?: number): number;
  recordFailure(email: string, now?: number): void;
  recordSuccess(email: string): void;
};

export function createSignInLimiter({ maxFailures = 5, windowSeconds = 300 } = {}): SignInLimiter {
  const failures = new Map<string, number[]>();
  const key = (email: string) => email.trim().toLowerCase();
  const recent = (email: string, now: number) => (failures.get(key(email)) ?? []).filter((t) => now - t < windowSeconds * 1000);

  return {
    retryAfter(email, now = Date.now()) {
      const times = recent(email, now);
      if (times.length < maxFailures) return 0;
      return Math.max(1, Math.ceil((times[0] + windowSeconds * 1000 - now) / 1000));
    },
    recordFailure(email, now = Date.now()) {
      const times = recent(email, now);
      times.push(now);
      failures.set(key(email), times);
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
    recordSuccess(email) {
      failures.delete(key(email));
    },
  };
}
