import 'server-only';
import { processWide } from '@/lib/process-wide';
import { db, databaseProvider } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { databaseStore } from './database-store';
import { createLimiter } from './limiter';
import { limitsFrom } from './limits';
import { memoryStore } from './store';

/** The limits in force (defaults in ./limits.ts, overridden by RATE_LIMIT_* variables). */
export const limits = limitsFrom(process.env);

// SQLite serves one instance, whose memory is enough (the process's: a module copy's counters would
// count its own routes only); PostgreSQL deployments run several instances, which must share their
// counters.
export const limiter = createLimiter(
  databaseProvider === 'postgresql' ? databaseStore(db) : processWide('__readerRateLimitCounters', () => memoryStore()),
);

/** The 429 answer: what was refused, and when to try again (also in Retry-After). */
export function tooManyRequests(wait: number, what: string): ApiError {
  const unit = wait === 1 ? 'second' : 'seconds';
  return new ApiError(429, `${what} Try again in ${wait} ${unit}.`, [], { headers: { 'Retry-After': String(wait) } });
}
