/** What a token may do: `read` answers GET and HEAD only; `write` whatever its reader may. */
export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** A reader keeps at most this many tokens: each one is a key to the account to look after. */
export const maxTokensPerReader = 20;
export const maxTokenNameLength = 64;
