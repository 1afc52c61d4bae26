// Prisma CLI configuration. The provider cannot come from env() inside a schema, so each provider has
// its own schema folder (prisma/sqlite, prisma/postgresql, sharing prisma/models.prisma) and this file
// picks one from DATABASE_URL: SQLite unless it is a postgres:// or postgresql:// URL.
// It reads process.env directly (prisma/config's env() throws when the variable is unset).
// Migrations are applied by scripts/db (see prisma/README.md), not by the Prisma CLI, whose native
// schema engine cannot be downloaded here.
import { defineConfig } from 'prisma/config';
import { migrationsFolder, resolveDatabase, schemaFolder } from './lib/db/database-url';

const database = resolveDatabase(process.env);

export default defineConfig({
  schema: schemaFolder(database.provider),
  migrations: { path: migrationsFolder(database.provider) },
  datasource: { url: database.url },
});
