// The Prisma schema of one provider: every *.prisma file of prisma/<provider>/ (schema.prisma and the
// models.prisma link to the shared prisma/models.prisma), as the engine takes them.
import fs from 'node:fs';
import path from 'node:path';
import type { SchemaContainer } from '@prisma/schema-engine-wasm';
import { schemaFolder, type DatabaseProvider } from '../../lib/db/database-url';

export function loadSchemaFiles(provider: DatabaseProvider, root = process.cwd()): SchemaContainer[] {
  const folder = path.resolve(root, schemaFolder(provider));
  const names = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.prisma'))
    .sort();
  if (!names.includes('models.prisma')) {
    throw new Error(`${schemaFolder(provider)}/models.prisma is missing (it should link to ../models.prisma)`);
  }
  return names.map((name) => {
    const file = path.join(folder, name);
    return { path: file, content: fs.readFileSync(file, 'utf8') };
  });
}

/**
 * Each provider folder must use the shared models: models.prisma is a link to ../models.prisma (or,
 * where links are unavailable, an identical copy). Returns the problems found.
 */
export function sharedModelProblems(provider: DatabaseProvider, root = process.cwd()): string[] {
  const shared = path.resolve(root, 'prisma/models.prisma');
  const linked = path.resolve(root, schemaFolder(provider), 'models.prisma');
  if (!fs.existsSync(linked)) return [`${schemaFolder(provider)}/models.prisma is missing`];
  if (fs.realpathSync(linked) === fs.realpathSync(shared)) return [];
  if (fs.readFileSync(linked, 'utf8') === fs.readFileSync(shared, 'utf8')) return [];
  return [`${schemaFolder(provider)}/models.prisma differs from prisma/models.prisma (it should be a link to ../models.prisma)`];
}
