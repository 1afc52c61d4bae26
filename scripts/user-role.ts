// npm run user:role -- <email> <reader|moderator|editor>
//
// Gives an existing account its role (a moderator hides and restores notes; an editor accepts or
// declines translation suggestions; a reader does neither), in the database named by
// DATABASE_URL (default: the SQLite file .data/reader.db). Takes effect on the reader's next
// moderation request (roles are read from the database there, not from the session cookie).
import { createDatabaseClient } from '../lib/db/client';
import { resolveDatabase } from '../lib/db/database-url';

const roles = ['reader', 'moderator', 'editor'];

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2);
  if (!email || !roles.includes(role)) throw new Error('usage: npm run user:role -- <email> <reader|moderator|editor>');
  const db = createDatabaseClient(resolveDatabase());
  try {
    const { count } = await db.user.updateMany({ where: { email: email.toLowerCase() }, data: { role } });
    if (count === 0) throw new Error(`no account with the email ${email}`);
    console.log(`${email} is now a ${role}.`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`user:role: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
