import { Refused } from '@/lib/errors/refusal';
import type { PageCursor } from './load-annotations';

/** A page cursor as clients carry it: `<createdAt in ms>_<id>`, opaque to them. */
export const encodeCursor = (cursor: PageCursor | null) => (cursor ? `${cursor.createdAt.getTime()}_${cursor.id}` : null);

const cursorPattern = /^(\d{1,15})_([A-Za-z0-9-]{1,100})$/;

/** The cursor a client sent back (`after`, or the query field named), or null for the first page; 400 when it is not one of ours. */
export function decodeCursor(value: string | null, field = 'after'): PageCursor | null {
  if (value === null || value === '') return null;
  const match = cursorPattern.exec(value);
  if (!match)
    throw new Refused('invalid', `Invalid ${field}: use the \`${field === 'before' ? 'prev' : 'next'}\` of a page.`, [
      { field, message: 'is not a page cursor' },
    ]);
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}

/** A page size a client asked for (`limit`), within 1 and `max`; `fallback` when absent. */
export function pageLimit(value: string | null, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new Refused('invalid', `Invalid limit: a whole number from 1 to ${max}.`, [{ field: 'limit', message: `must be 1 to ${max}` }]);
  return limit;
}
