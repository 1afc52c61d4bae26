import type { BlockList } from 'node:net';
import { parseTrustedProxies } from '@/lib/http/client-address';
import { limitsFrom } from '@/lib/rate-limit/limits';

type Env = Record<string, string | undefined>;

/** A whole number at least `min`, or the default when unset; throws naming the variable. */
export function positiveInteger(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !(value >= min)) throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}".`);
  return value;
}

/** BETTER_AUTH_URL: an http(s) origin (a path is allowed, a query is not); unset means "follow the request" on localhost. */
export function publicUrlFrom(env: Env): URL | null {
  const raw = env.BETTER_AUTH_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BETTER_AUTH_URL must be the site's public URL, such as https://reader.example.com; got "${raw}".`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username)
    throw new Error(`BETTER_AUTH_URL must be an http(s) URL without query, fragment or credentials; got "${raw}".`);
  return url;
}

/** Live event streams open at once: per client address, and in all, per instance. */
export function liveStreamCaps(env: Env) {
  return {
    perAddress: positiveInteger(env, 'LIVE_STREAMS_PER_ADDRESS', 20),
    total: positiveInteger(env, 'LIVE_STREAMS_TOTAL', 2000),
  };
}

export type ServerConfig = {
  trustedProxies: BlockList | null;
  publicUrl: URL | null;
  liveStreams: ReturnType<typeof liveStreamCaps>;
};

/**
 * Every setting a server reads from its environment, checked at once: `npm start` stops with a
 * message naming the variable (instrumentation.ts) instead of answering 500 at the first request
 * that needs it. Throws the first problem found.
 */
export function readServerConfig(env: Env): ServerConfig {
  limitsFrom(env);
  positiveInteger(env, 'DATABASE_POOL_SIZE', 10);
  positiveInteger(env, 'DATABASE_READ_POOL_SIZE', 10);
  for (const name of ['LOG_REQUESTS', 'WARM_UP'])
    if (env[name] !== undefined && !['0', '1', ''].includes(env[name]!)) throw new Error(`${name} must be 0 or 1; got "${env[name]}".`);
  return { trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES), publicUrl: publicUrlFrom(env), liveStreams: liveStreamCaps(env) };
}
