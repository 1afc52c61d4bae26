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
 * The token of an `Authorization: Bearer …` header: `undefined` without one (other schemes, such as
 * the Basic credentials of a password-protected staging proxy, are not ours and leave the cookies
 * in charge), `null` when it says Bearer but holds no token of ours (the caller refuses that: a
 * script with a mistyped token must hear so, not be served as a signed-out reader).
 */
export function bearerToken(headers: Headers): string | null | undefined {
  const header = headers.get('authorization');
  if (header === null || !/^\s*bearer(\s|$)/i.test(header)) return undefined;
  const match = /^\s*Bearer +(\S+) *$/i.exec(header);
  return match && isTokenShaped(match[1]) ? match[1] : null;
}
