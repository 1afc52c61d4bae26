import { disconnectDatabase } from '../lib/db';

/**
 * Runs a command-line script that works on the database: prints what `main` reports, closes the
 * database (a PostgreSQL pool would keep the process alive) and exits 0; or prints the error, named
 * after the script, and exits 1.
 */
export function runDatabaseScript(name: string, main: () => Promise<string>): void {
  main().then(
    async (summary) => {
      console.log(summary);
      await disconnectDatabase();
      process.exit(0);
    },
    (error) => {
      console.error(`${name}: ${(error as Error).message ?? error}`);
      process.exit(1);
    },
  );
}
