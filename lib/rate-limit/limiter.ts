import type { Limit } from './limits';
import type { RateLimitStore } from './store';

/** Seconds to wait before trying again (at least 1), or 0 when the request may go ahead. */
export type Verdict = number;

const waitUntil = (resetAt: number, now: number) => Math.max(1, Math.ceil((resetAt - now) / 1000));

/** Limits over a store; a key is the limit's name plus its subject (a reader id, an address, an email). */
export function createLimiter(store: RateLimitStore, clock: () => number = Date.now) {
  const keyOf = (limit: Limit, subject: string) => `${limit.name}:${subject}`;
  return {
    /** Counts a request; refused once the window holds more than `max`. */
    async consume(limit: Limit, subject: string): Promise<Verdict> {
      const now = clock();
      const window = await store.hit(keyOf(limit, subject), limit.windowSeconds * 1000, now);
      return window.count > limit.max ? waitUntil(window.resetAt, now) : 0;
    },
    /** Whether `subject` is already over the limit, counting nothing (for limits on failures). */
    async check(limit: Limit, subject: string): Promise<Verdict> {
      const now = clock();
      const window = await store.peek(keyOf(limit, subject), now);
      return window.count >= limit.max ? waitUntil(window.resetAt, now) : 0;
    },
    /** Counts a failure (see `check`). */
    async record(limit: Limit, subject: string): Promise<void> {
      await store.hit(keyOf(limit, subject), limit.windowSeconds * 1000, clock());
    },
    async reset(limit: Limit, subject: string): Promise<void> {
      await store.clear(keyOf(limit, subject));
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
