import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import { parseWith } from '@/lib/errors/parse-with';
import { Refused } from '@/lib/errors/refusal';
import { requirePlausibleId } from '@/lib/annotations/ids';
import { maxTokenNameLength, maxTokensPerReader, tokenScopes, type TokenScope } from './scopes';
import { newToken, tokenHash, tokenHint } from './token-format';

/** A token as its reader sees it in the list: never the token itself. */
export type ListedToken = { id: string; name: string; scope: TokenScope; hint: string; createdAt: string; lastUsedAt: string | null };

/** The reader a token acts as, and what it may do. */
export type TokenHolder = { user: { id: string; name: string; role: string }; scope: TokenScope; tokenId: string };

const createTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(maxTokenNameLength, `must be at most ${maxTokenNameLength} characters`)
      .refine((name) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name), 'must be one line without control characters'),
    scope: z.enum(tokenScopes, { error: `must be one of ${tokenScopes.join(', ')}` }),
    /** The reader's password, confirmed by the caller (`confirm`): a stolen session alone cannot make a token. */
    password: z.string({ error: 'enter your password to confirm' }).max(128),
  })
  .strict();

const listedSelect = { id: true, name: true, scope: true, hint: true, createdAt: true, lastUsedAt: true } as const;

const listed = (row: { id: string; name: string; scope: string; hint: string; createdAt: Date; lastUsedAt: Date | null }): ListedToken => ({
  ...row,
  scope: row.scope as TokenScope,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** The reader's tokens, newest first. */
export async function listTokens(userId: string): Promise<ListedToken[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, select: listedSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return rows.map(listed);
}

/**
 * Makes a token for the reader once `confirm` accepts their password: the answer holds the token,
 * the only time it is ever shown. The reader's row is written first in the transaction, so two
 * requests at once take turns (PostgreSQL holds the row's lock to the end; SQLite has one writer)
 * and the count cannot pass the limit.
 */
export async function createToken(
  userId: string,
  body: unknown,
  confirm: (password: string) => Promise<void>,
): Promise<ListedToken & { token: string }> {
  const input = parseWith(createTokenSchema, body);
  await confirm(input.password);
  const token = newToken();
  const row = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { updatedAt: new Date() }, select: { id: true } });
    if ((await tx.apiToken.count({ where: { userId } })) >= maxTokensPerReader)
      throw new Refused('notPossible', `You have ${maxTokensPerReader} tokens, the most one reader may keep: revoke one first.`);
    return tx.apiToken.create({
      data: { id: randomUUID(), userId, name: input.name, scope: input.scope, tokenHash: tokenHash(token), hint: tokenHint(token) },
      select: listedSelect,
    });
  });
  return { ...listed(row), token };
}

/** Revokes one of the reader's tokens: deleted, so the next request with it is refused. 404 for anyone else's. */
export async function revokeToken(userId: string, id: string): Promise<void> {
  requirePlausibleId(id, 'token');
  const { count } = await db.apiToken.deleteMany({ where: { id, userId } });
  if (count === 0) throw new Refused('notFound', 'No such token.');
}

/** Remembering use costs a write: at most one a minute per token. */
const lastUsedGranularityMs = 60_000;

/**
 * The reader a token belongs to, or null for a token that is not (or no longer) one. Looked up in
 * the database on every request: revoking takes effect on every instance at once.
 */
export async function tokenHolder(token: string): Promise<TokenHolder | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, scope: true, lastUsedAt: true, user: { select: { id: true, name: true, role: true } } },
  });
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > lastUsedGranularityMs)
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  return { user: row.user, scope: row.scope as TokenScope, tokenId: row.id };
}

/**
 * The reader managing tokens, signed in with a session: a token cannot make, list or revoke tokens,
 * so a leaked read token cannot be turned into a write token, nor hide itself.
 */
export function requireSessionReader(viewer: { id: string; token?: unknown } | null): string {
  if (!viewer) throw new Refused('signInNeeded', 'Sign in to manage your API tokens.');
  if (viewer.token)
    throw new Refused('forbidden', 'API tokens are managed from your account page, signed in; a token cannot manage tokens.');
  return viewer.id;
}
