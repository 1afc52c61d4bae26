import { publicUrlFrom } from '@/lib/config/server-config';
import { clientAddress, UNVERIFIED } from './client-address';

const hostPattern = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * The origin readers reach this site at, for links and ids written into answers (export ids):
 * BETTER_AUTH_URL when set; else the host and scheme the client used, as a trusted proxy forwarded
 * them or as the request itself said (the gate, lib/http/node-gate.ts, removes forwarded headers
 * from anyone else, so X-Forwarded-* hold what Next took from the Host header and the socket).
 * Never the address the server was bound to (`0.0.0.0`).
 */
export function publicOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = publicUrlFrom(env);
  if (configured) return configured.origin;
  const headers = request.headers;
  const gated = clientAddress(headers) !== UNVERIFIED;
  const host = (gated ? headers.get('x-forwarded-host') : null) ?? headers.get('host') ?? '';
  const proto = gated && headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  if (hostPattern.test(host) && !host.startsWith('0.0.0.0') && !host.startsWith('[::]')) return `${proto}://${host.toLowerCase()}`;
  const fallback = new URL(request.url);
  return ['0.0.0.0', '[::]'].includes(fallback.hostname)
    ? `${fallback.protocol}//localhost${fallback.port ? `:${fallback.port}` : ''}`
    : fallback.origin;
}
