import 'server-only';
import { db, databaseProvider } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { databaseStore } from './database-store';
import { createLimiter } from './limiter';
import { limitsFrom } from './limits';
import { memoryStore, type RateLimitStore } from './store';

/** The limits in force (defaults in ./limits.ts, overridden by RATE_LIMIT_* variables). */
export const limits = limitsFrom(process.env);

// SQLite serves one instance, whose memory is enough; PostgreSQL deployments run several instances,
// which must share their counters. The memory store is the process's (globalThis): Next loads each
// route's bundle with its own copy of this module, and a copy's counters would count that route only.
const processCounters = globalThis as typeof globalThis & { __readerRateLimitCounters?: RateLimitStore };
export const limiter = createLimiter(
  databaseProvider === 'postgresql' ? databaseStore(db) : (processCounters.__readerRateLimitCounters ??= memoryStore()),
);

/** The 429 answer: what was refused, and when to try again (also in Retry-After). */
export function tooManyRequests(wait: number, what: string): ApiError {
  const unit = wait === 1 ? 'second' : 'seconds';
  return new ApiError(429, `${what} Try again in ${wait} ${unit}.`, [], { headers: { 'Retry-After': String(wait) } });
}
