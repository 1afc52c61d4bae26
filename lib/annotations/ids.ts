import { notFound } from '@/lib/errors/refusal';

// Our ids are UUIDs (better-auth's are 32 base62 characters). Anything else names nothing, and must
// not reach the database: PostgreSQL refuses some characters (NUL) with an error rather than no row.
const plausibleId = /^[A-Za-z0-9_-]{1,100}$/;

/** Throws the 404 a missing row would get when `id` cannot be one of ours. */
export function requirePlausibleId(id: string, what: string) {
  if (!plausibleId.test(id)) throw notFound(`No such ${what}.`);
}
