/**
 * `tsx scripts/test/recreate-database.ts <name> [drop]`: (re)creates, or drops, a PostgreSQL
 * database for the test servers. The tests own these databases: created before, dropped after.
 */
import pg from 'pg';
import { testPostgresServer } from './postgres-available';

const [name, action] = process.argv.slice(2);
if (!name || !/^[a-z_][a-z0-9_]*$/.test(name)) {
  console.error('usage: recreate-database.ts <database_name> [drop]');
  process.exit(2);
}
async function main() {
  const client = new pg.Client({ connectionString: `${testPostgresServer}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (action !== 'drop') await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  console.log(`${action === 'drop' ? 'dropped' : 'created'} database ${name}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
