import { createHash, randomBytes } from 'node:crypto';

/**
 * A personal API token: `rdr_` and 43 characters of base64url (256 random bits). The prefix lets a
 * secret scanner, or a reader, tell what it is; 256 bits make guessing hopeless, so a fast hash
 * (SHA-256) is enough to keep it stored safely: unlike a password, there is nothing to brute-force.
 */
const prefix = 'rdr_';
const tokenPattern = /^rdr_[A-Za-z0-9_-]{43}$/;

export const newToken = () => `${prefix}${randomBytes(32).toString('base64url')}`;

export const isTokenShaped = (value: string) => tokenPattern.test(value);

/** What the database keeps instead of the token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Enough of the token to tell it apart in a list, far too little to use. */
export const tokenHint = (token: string) => `${token.slice(0, prefix.length + 4)}…`;

/**
 * The token of an `Authorization` header: `undefined` without the header, `null` when the header is
 * there but is not `Bearer <one of our tokens>` (the caller refuses that: a script with a mistyped
 * header must hear so, not be served as a signed-out reader).
 */
export function bearerToken(headers: Headers): string | null | undefined {
  const header = headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match && isTokenShaped(match[1]) ? match[1] : null;
}
