import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DemoReader } from './demo-data';

/** Where the seed keeps the demo accounts' passwords: .data/ (never in the repository), or DEMO_ACCOUNTS_FILE. */
export const demoAccountsFile = (env: Record<string, string | undefined> = process.env) =>
  env.DEMO_ACCOUNTS_FILE || path.join(process.cwd(), '.data', 'demo-accounts.txt');

/** A password made at random for one demo account: 18 characters of base64url, about 108 bits. */
export const newDemoPassword = () => randomBytes(14).toString('base64url').slice(0, 18);

/** The accounts as the seed prints them and the file keeps them: email, password, role. */
export function demoAccountLines(accounts: { reader: DemoReader; password: string }[]): string[] {
  return accounts.map(
    ({ reader, password }) => `  ${reader.email.padEnd(32)} ${password.padEnd(20)} ${reader.key === 'moderator' ? 'moderator' : 'reader'}`,
  );
}

/** Writes the file readable by its owner only, replacing an older one (a new seed made new accounts). */
export function saveDemoAccounts(lines: string[], file = demoAccountsFile()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(
    file,
    ['# Demo accounts made by npm run db:seed (email, password, role). Keep this file private.', ...lines, ''].join('\n'),
    {
      mode: 0o600,
    },
  );
}
