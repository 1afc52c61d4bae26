// Errors that mean "the database is not answering" (down, restarting, unreachable, out of
// connections, or not in time under overload), as opposed to a bug: the API answers them 503 with Retry-After, and the client
// tries again, instead of a 500.

/**
 * Prisma's codes for an unreachable server, a connection it closed, a pool that timed out, and a
 * transaction that expired before it committed (an overloaded server: it was rolled back).
 */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** PostgreSQL's: admin shutdown, crash shutdown, cannot connect now (starting or stopping), too many connections. */
const postgresCodes = new Set(['57P01', '57P02', '57P03', '53300']);
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const messages =
  /Can't reach database server|Connection terminated|encountered a connection error and is not queryable|terminating connection|the database system is (starting up|shutting down)|Timed out fetching a new connection|Server has closed the connection|cannot be executed on an expired transaction|SQLITE_BUSY|database is locked/i;

/** Whether `error` (or one it wraps) says the database cannot be reached for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let current = error;
    current && typeof current === 'object' && !seen.has(current);
    current = (current as { cause?: unknown }).cause
  ) {
    seen.add(current);
    const { code, message, originalCode } = current as { code?: unknown; message?: unknown; originalCode?: unknown };
    for (const value of [code, originalCode]) {
      if (typeof value === 'string' && (prismaCodes.has(value) || postgresCodes.has(value) || socketCodes.has(value))) return true;
    }
    if (typeof message === 'string' && messages.test(message)) return true;
  }
  return false;
}
