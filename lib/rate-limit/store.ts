/** A fixed-window counter: how many hits a key had in its current window, and when that window ends. */
export type WindowCount = { count: number; resetAt: number };

/**
 * Where rate-limit counters live. In memory for one instance (the SQLite default); in the database
 * when several instances share one PostgreSQL, so a limit holds whichever instance a request reaches.
 */
export type RateLimitStore = {
  /** Counts one hit on `key`, opening a new window of `windowMs` when the last one has ended. */
  hit(key: string, windowMs: number, now: number): Promise<WindowCount>;
  /** The key's current window without counting a hit (count 0 when none is open). */
  peek(key: string, now: number): Promise<WindowCount>;
  clear(key: string): Promise<void>;
};

/** Counters in this process's memory; the oldest keys go first beyond `maxKeys`. */
export function memoryStore(maxKeys = 100_000): RateLimitStore {
  const windows = new Map<string, WindowCount>();
  return {
    async hit(key, windowMs, now) {
      const open = windows.get(key);
      const current = open && open.resetAt > now ? { count: open.count + 1, resetAt: open.resetAt } : { count: 1, resetAt: now + windowMs };
      windows.delete(key); // re-inserted last: Map order is then least recently hit first
      windows.set(key, current);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      return current;
    },
    async peek(key, now) {
      const open = windows.get(key);
      return open && open.resetAt > now ? open : { count: 0, resetAt: now };
    },
    async clear(key) {
      windows.delete(key);
    },
  };
}
