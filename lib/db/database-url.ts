import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two databases the app runs on; each has its own schema folder under prisma/. */
export type DatabaseProvider = 'sqlite' | 'postgresql';

export type Database = {
  provider: DatabaseProvider;
  /** `file:<absolute path>` for SQLite, the connection string as given for PostgreSQL. */
  url: string;
  /** SQLite only: the absolute path of the database file. */
  file?: string;
};

/** Where the embedded database lives when DATABASE_URL is unset, relative to the project root. */
export const DEFAULT_SQLITE_FILE = '.data/reader.db';

/**
 * Reads DATABASE_URL: unset or empty → the SQLite file `.data/reader.db` under the working
 * directory; `file:<path>` → that SQLite file (relative paths from the working directory);
 * `postgres://…` or `postgresql://…` → PostgreSQL. Anything else is an error naming DATABASE_URL.
 */
export function resolveDatabase(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): Database {
  const raw = env.DATABASE_URL?.trim() ?? '';
  if (raw === '') return sqlite(path.resolve(cwd, DEFAULT_SQLITE_FILE));

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    return { provider: 'postgresql', url: raw };
  }
  if (scheme === 'file') {
    let file: string;
    if (raw.startsWith('file://')) {
      file = fileURLToPath(raw.replace(/\?.*$/, ''));
    } else {
      // Prisma style: file:./dev.db, file:dev.db, file:/abs/dev.db (a ?query is ignored).
      file = raw.slice('file:'.length).replace(/\?.*$/, '');
    }
    if (file === '') throw new Error('DATABASE_URL is "file:" without a path; give a file, e.g. file:.data/reader.db');
    return sqlite(path.resolve(cwd, file));
  }
  throw new Error(
    `DATABASE_URL must be a SQLite file URL (file:<path>) or a PostgreSQL URL (postgres:// or postgresql://); ` +
      `got ${scheme ? `a "${scheme}:" URL` : 'a value without a URL scheme'}. Unset it to use the embedded SQLite file ${DEFAULT_SQLITE_FILE}.`,
  );
}

function sqlite(file: string): Database {
  return { provider: 'sqlite', url: `file:${file}`, file };
}

/** The schema folder of a provider, relative to the project root. */
export function schemaFolder(provider: DatabaseProvider): string {
  return `prisma/${provider}`;
}

/** The committed migrations of a provider, relative to the project root. */
export function migrationsFolder(provider: DatabaseProvider): string {
  return `prisma/${provider}/migrations`;
}

/** `?schema=name` of a PostgreSQL URL, as Prisma reads it (unset: the server's search_path, usually public). */
export function postgresSchema(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('schema') || undefined;
  } catch {
    return undefined;
  }
}
