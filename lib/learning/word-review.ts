import 'server-only';
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/auth';
import { pageLimit } from '@/lib/annotations/cursor';
import { requirePlausibleId } from '@/lib/annotations/ids';
import { db } from '@/lib/db';
import { parseWith } from '@/lib/errors/parse-with';
import { notFound, Refused } from '@/lib/errors/refusal';
import { requireReader, savedSelect, viewOf, type SavedWordView } from './saved-words';
import { reviewed, reviewRatings, type Schedule } from './schedule';

const scheduleSelect = {
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/** How many of the reader's saved words are due now (the header's count): one index range. */
export async function dueWordCount(readerId: string, now = new Date()): Promise<number> {
  return db.savedWord.count({ where: { userId: readerId, due: { lte: now } } });
}

/** The reader's words due now, the longest due first, a session's worth (`limit`, at most 50), with how many are due in all. */
export async function dueWords(viewer: Viewer | null, query: URLSearchParams): Promise<{ words: SavedWordView[]; due: number }> {
  const reader = requireReader(viewer);
  const limit = pageLimit(query.get('limit'), 20, 50);
  const now = new Date();
  const [rows, due] = await Promise.all([
    db.savedWord.findMany({
      where: { userId: reader.id, due: { lte: now } },
      select: savedSelect,
      orderBy: [{ due: 'asc' }, { id: 'asc' }],
      take: limit,
    }),
    dueWordCount(reader.id, now),
  ]);
  return { words: rows.map(viewOf), due };
}

const answerSchema = z.object({ rating: z.enum(reviewRatings, { error: `must be one of ${reviewRatings.join(', ')}` }) }).strict();

/**
 * Records the reader's answer on one saved word and schedules it again (FSRS). Written only if the
 * card is as it was read: two answers at once (two tabs) are one review and a 409, not two.
 */
export async function reviewWord(reader: Viewer, id: string, body: unknown): Promise<SavedWordView> {
  requirePlausibleId(id, 'saved word');
  const { rating } = parseWith(answerSchema, body);
  const card = await db.savedWord.findFirst({ where: { id, userId: reader.id }, select: scheduleSelect });
  if (!card) throw notFound('No such saved word.');
  const next: Schedule = reviewed(card, rating, new Date());
  const { count } = await db.savedWord.updateMany({ where: { id, userId: reader.id, reps: card.reps }, data: next });
  if (count === 0) throw new Refused('conflict', 'This word was reviewed meanwhile (in another tab?): reload to see when it is due.');
  const row = await db.savedWord.findFirst({ where: { id }, select: savedSelect });
  if (!row) throw notFound('No such saved word.');
  return viewOf(row);
}
