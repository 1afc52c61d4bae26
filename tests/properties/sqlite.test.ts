// The API properties on a fresh migrated SQLite file (lib/db/migrate.ts), removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/lib/db/migrate';
import { defineApiProperties } from './api-properties-suite';

defineApiProperties('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-properties-'));
  const file = path.join(dir, 'reader.db');
  const url = `file:${file}`;
  await applyMigrations({ provider: 'sqlite', url, file });
  return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
});
