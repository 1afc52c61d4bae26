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

/**
 * Counters in this process's memory. Each limit (the part of the key before the first `:`) has its
 * own map of at most `maxKeys`, so a flood of keys under one limit (addresses) cannot push out
 * another's (an account's lockout). Ended windows are swept every 1,000 hits and whenever a map is
 * full; only then, if it is still full, its least recently hit key goes.
 */
export function memoryStore(maxKeys = 100_000): RateLimitStore {
  const limits = new Map<string, Map<string, WindowCount>>();
  let hits = 0;
  const mapOf = (key: string) => {
    const name = key.slice(0, Math.max(0, key.indexOf(':')));
    let windows = limits.get(name);
    if (!windows) limits.set(name, (windows = new Map()));
    return windows;
  };
  const sweep = (now: number) => {
    for (const windows of limits.values()) for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  };
  return {
    async hit(key, windowMs, now) {
      const windows = mapOf(key);
      const open = windows.get(key);
      const current = open && open.resetAt > now ? { count: open.count + 1, resetAt: open.resetAt } : { count: 1, resetAt: now + windowMs };
      windows.delete(key); // re-inserted last: Map order is then least recently hit first
      windows.set(key, current);
      if (++hits % 1000 === 0 || windows.size > maxKeys) sweep(now);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      return current;
    },
    async peek(key, now) {
      const open = mapOf(key).get(key);
      return open && open.resetAt > now ? open : { count: 0, resetAt: now };
    },
    async clear(key) {
      mapOf(key).delete(key);
    },
  };
}
