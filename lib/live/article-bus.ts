import 'server-only';
import { processWide } from '@/lib/process-wide';
import { resolveDatabase } from '@/lib/db/database-url';
import type { ArticleBus } from './bus';
import { MemoryBus } from './memory-bus';
import { PostgresBus } from './postgres-bus';

/**
 * The process's bus (the writers' routes must publish on the same bus the events route listens to):
 * in memory for SQLite (one app instance), LISTEN/NOTIFY for PostgreSQL (any number).
 */
export function articleBus(): ArticleBus {
  return processWide('__readerArticleBus', () => {
    const database = resolveDatabase();
    return database.provider === 'postgresql' ? new PostgresBus({ url: database.url }) : new MemoryBus();
  });
}
