// npm run user:role -- <email> <reader|moderator>
//
// Grants or takes away the moderator role of an existing account, in the database named by
// DATABASE_URL (default: the SQLite file .data/reader.db). Takes effect on the reader's next
// moderation request (roles are read from the database there, not from the session cookie).
import { createDatabaseClient } from '../lib/db/client';
import { resolveDatabase } from '../lib/db/database-url';

const roles = ['reader', 'moderator'];

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2);
  if (!email || !roles.includes(role)) throw new Error('usage: npm run user:role -- <email> <reader|moderator>');
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
