/**
 * The few better-auth endpoints the browser calls, with plain fetch (no client library to ship).
 * Errors come back as a code the forms translate.
 */
export type AuthResult = { ok: true } | { ok: false; code: string; reason?: string; retryAfter?: number };

async function post(path: string, body: unknown): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, code: 'OFFLINE' };
  }
  if (response.ok) return { ok: true };
  const data = (await response.json().catch(() => ({}))) as { code?: string; reason?: unknown };
  const retryAfter = Number(response.headers.get('Retry-After') ?? 0) || undefined;
  const reason = typeof data.reason === 'string' ? data.reason : undefined;
  return { ok: false, code: response.status === 429 ? 'TOO_MANY_ATTEMPTS' : (data.code ?? 'FAILED'), reason, retryAfter };
}

export const signIn = (email: string, password: string) => post('/sign-in/email', { email, password });
export const signUp = (name: string, email: string, password: string) => post('/sign-up/email', { name, email, password });
export const signOut = () => post('/sign-out', {});

export type SessionUser = { id: string; name: string; email: string; role?: string };

export async function fetchSessionUser(): Promise<SessionUser | null> {
  try {
    const response = await fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return null;
    const data = (await response.json()) as { user?: SessionUser } | null;
    return data?.user ?? null;
  } catch {
    return null;
  }
}
