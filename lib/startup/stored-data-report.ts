import 'server-only';
import { maxDisplayNameLength } from '@/lib/account/display-name';
import { db } from '@/lib/db';
import { demoReaders } from '@/lib/seed/demo-data';

const log = (level: 'info' | 'warn', message: string, fields: Record<string, unknown> = {}) =>
  (level === 'warn' ? console.error : console.log)(JSON.stringify({ level, message, ...fields }));

/**
 * Display names stored before names had a maximum (a 5 MB one crashed every page that showed it)
 * are cut to the maximum, and profile pictures (never shown; unbounded) are dropped. One UPDATE
 * each, which finds nothing on a database written since. Returns how many rows changed.
 */
export async function repairOverlongUserFields(): Promise<{ names: number; images: number }> {
  const names =
    await db.$executeRaw`UPDATE "User" SET "name" = substr("name", 1, ${maxDisplayNameLength}) WHERE length("name") > ${maxDisplayNameLength}`;
  const images = await db.$executeRaw`UPDATE "User" SET "image" = NULL WHERE "image" IS NOT NULL`;
  return { names, images };
}

/** The demo accounts (npm run db:seed) that are moderators in this database: their passwords were printed once, in a log. */
export async function demoModerators(): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { role: 'moderator', email: { in: demoReaders.map((reader) => reader.email) } },
    select: { email: true },
  });
  return rows.map((row) => row.email);
}

/** What the server says as it starts about the data it holds; never stops it (the database may be down). */
export async function reportStoredData() {
  try {
    const repaired = await repairOverlongUserFields();
    if (repaired.names > 0)
      log(
        'warn',
        `stored data: ${repaired.names} display name(s) longer than ${maxDisplayNameLength} characters were cut to ${maxDisplayNameLength}`,
        repaired,
      );
    if (repaired.images > 0) log('warn', `stored data: ${repaired.images} profile picture field(s) removed`, repaired);
    const moderators = await demoModerators();
    if (moderators.length > 0)
      log(
        'warn',
        `demo moderator account(s) present: ${moderators.join(', ')}. Demo data is for trying the reader; take the role back (npm run user:role -- <email> reader) before anyone else can reach this server.`,
        {
          moderators,
        },
      );
  } catch (error) {
    log('warn', 'stored data: not checked (the database did not answer)', { error: String(error).slice(0, 300) });
  }
}
