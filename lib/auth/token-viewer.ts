import 'server-only';
import { ApiError } from '@/lib/http/api-error';
import { methodsThatWrite } from '@/lib/http/methods';
import { isCrossOrigin, sendsCookies } from '@/lib/http/origin';
import type { TokenScope } from '@/lib/tokens/scopes';
import { tokenHolder } from '@/lib/tokens/tokens';

/** A reader acting through a personal API token (auth.ts Viewer, with the token). */
export type TokenViewer = { id: string; name: string; role: string; token: { id: string; scope: TokenScope } };

const challenge = (error: string, description: string) => ({
  'WWW-Authenticate': `Bearer realm="reader", error="${error}", error_description="${description}"`,
});

/**
 * The reader a request's `Authorization: Bearer …` acts as (docs/decisions/014). A request that
 * carries a token is answered as the token's reader or refused, never as a signed-out reader: a
 * script with a revoked or mistyped token hears so at once.
 */
export async function tokenViewer(request: Request, token: string | null): Promise<TokenViewer> {
  // A page of another site could only send a token it holds; but with the browser adding this
  // site's cookies as well, which identity the answer belongs to is ambiguous: refused outright.
  if (sendsCookies(request) && isCrossOrigin(request))
    throw new ApiError(
      403,
      'An API token is not accepted from another site’s page that also sends this site’s cookies: send the request without credentials.',
    );
  if (token === null)
    throw new ApiError(401, 'The Authorization header must be "Bearer <token>", with a token made on your account page.', [], {
      headers: challenge('invalid_request', 'expected Bearer and a personal API token'),
    });
  const holder = await tokenHolder(token);
  if (!holder)
    throw new ApiError(401, 'This API token is not valid: it was revoked, or it is mistyped.', [], {
      headers: challenge('invalid_token', 'revoked or unknown token'),
    });
  if (holder.scope === 'read' && methodsThatWrite.has(request.method))
    throw new ApiError(403, 'This API token may only read: make a token with the write scope to change notes.', [], {
      headers: challenge('insufficient_scope', 'the token may only read'),
    });
  return { ...holder.user, token: { id: holder.tokenId, scope: holder.scope } };
}
