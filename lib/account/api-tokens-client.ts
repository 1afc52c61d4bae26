import type { ListedToken } from '@/lib/tokens/tokens';
import type { TokenScope } from '@/lib/tokens/scopes';

export type { ListedToken, TokenScope };

/** A failed call: the server's message (written for people), or none when offline. */
export class TokenApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
    });
  } catch {
    throw new TokenApiError(0, 'offline');
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new TokenApiError(response.status, data?.error?.message ?? response.statusText);
  return data as T;
}

export const fetchTokens = () => call<{ tokens: ListedToken[] }>('/api/me/tokens').then((answer) => answer.tokens);

export const createToken = (name: string, scope: TokenScope, password: string) =>
  call<ListedToken & { token: string }>('/api/me/tokens', { method: 'POST', body: JSON.stringify({ name, scope, password }) });

export const revokeToken = (id: string) => call<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
