import { call } from '@/lib/annotations-ui/api';
import type { ListedToken } from '@/lib/tokens/tokens';
import type { TokenScope } from '@/lib/tokens/scopes';

export type { ListedToken, TokenScope };

export const fetchTokens = () => call<{ tokens: ListedToken[] }>('/api/me/tokens').then((answer) => answer.tokens);

export const createToken = (name: string, scope: TokenScope, password: string) =>
  call<ListedToken & { token: string }>('/api/me/tokens', { method: 'POST', body: JSON.stringify({ name, scope, password }) });

export const revokeToken = (id: string) => call<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
