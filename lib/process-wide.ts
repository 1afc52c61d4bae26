/**
 * One value per server process, whichever copy of a module asks for it. Next loads the App Router's
 * routes, the Pages Router's routes and instrumentation with their own copies of our modules (and
 * re-evaluates them on every edit in development), so a module-level variable can exist several
 * times: two database connections, counters that count one route, a bus the readers do not listen
 * to. Kept on globalThis under `__reader…` keys (some tests reset them by key).
 */
export function processWide<T>(key: `__reader${string}`, create: () => T): T {
  const values = globalThis as unknown as Record<string, T | undefined>;
  return (values[key] ??= create());
}
