import { viewerOf } from '@/lib/auth/auth';
import { confirmPassword } from '@/lib/auth/confirm-password';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { createToken, listTokens, requireSessionReader } from '@/lib/tokens/tokens';

const privateAnswer = { 'Cache-Control': 'private, no-store' };

/** `{ tokens: [{ id, name, scope, hint, createdAt, lastUsedAt }] }`: the signed-in reader's API tokens, newest first (never the tokens). */
export const GET = jsonRoute(async (request: Request) => {
  const reader = requireSessionReader(await viewerOf(request));
  return Response.json({ tokens: await listTokens(reader) }, { headers: privateAnswer });
});

/** `{ name, scope: "read" | "write", password }` makes a token: 201 with it and `token`, shown this once (403 for a wrong password). */
export const POST = jsonRoute(async (request: Request) => {
  const reader = requireSessionReader(await viewerOf(request));
  const made = await createToken(reader, await readJson(request), (password) => confirmPassword(reader, password));
  return Response.json(made, { status: 201, headers: privateAnswer });
});
