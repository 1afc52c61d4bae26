/**
 * Whether a browser says the request comes from another site's page: an Origin that is not this
 * host (or "null", from a sandboxed frame or a file), or Sec-Fetch-Site: cross-site. Requests
 * without either (curl, scripts) are not from a browser page.
 */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin === 'null' || request.headers.get('sec-fetch-site') === 'cross-site') return true;
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Whether the request carries cookies, which a browser adds by itself (ambient authority). */
export const sendsCookies = (request: Request) => (request.headers.get('cookie') ?? '').trim() !== '';

/** Whether the request carries a Bearer credential, which a page can only send if it holds it (never added by a browser). */
export const sendsAuthorization = (request: Request) => /^\s*bearer(\s|$)/i.test(request.headers.get('authorization') ?? '');
