/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry. nginx (see
 * deploy/nginx.conf) replaces the header with the peer's address, and `next start` sets it from the
 * socket when it is absent. A client that reaches the app directly can still forge it, which is why
 * every limit keyed on addresses has a partner that no header changes (per account, per deployment).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip')?.trim() || 'unknown';
}
