import 'server-only';
import { resolveDatabase } from '@/lib/db/database-url';
import type { ArticleBus } from './bus';
import { MemoryBus } from './memory-bus';
import { PostgresBus } from './postgres-bus';

// On globalThis in every environment: Next bundles route handlers separately, so a module-level
// variable could exist once per bundle, and the writers' routes must publish on the same bus the
// events route listens to. It also survives dev reloads, which would otherwise open more connections.
const globalCache = globalThis as typeof globalThis & { __readerArticleBus?: ArticleBus };

/** The process's bus: in memory for SQLite (one app instance), LISTEN/NOTIFY for PostgreSQL (any number). */
export function articleBus(): ArticleBus {
  if (!globalCache.__readerArticleBus) {
    const database = resolveDatabase();
    globalCache.__readerArticleBus = database.provider === 'postgresql' ? new PostgresBus({ url: database.url }) : new MemoryBus();
  }
  return globalCache.__readerArticleBus;
}
