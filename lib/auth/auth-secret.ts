import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secret better-auth signs sessions with. Production sets BETTER_AUTH_SECRET; the embedded
 * default creates one on first start and keeps it in `.data/auth-secret` (next to the SQLite file),
 * so sessions survive restarts without any setup. Every instance of a deployment must share it.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      // `wx`: if another process created it meanwhile, keep theirs.
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
