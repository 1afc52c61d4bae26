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

const answerSchema = z
  .object({
    rating: z.enum(reviewRatings, { error: `must be one of ${reviewRatings.join(', ')}` }),
    /** How many reviews the card had when the reader saw it: an answer to a card reviewed since is refused. */
    reps: z.number().int().min(0).max(1_000_000),
  })
  .strict();

/**
 * Records the reader's answer on one saved word and schedules it again (FSRS). Written only if the
 * card is as the reader saw it (`reps`): an answer sent twice, or from a tab that showed the card
 * before another tab answered it, is a 409, not a second review.
 */
export async function reviewWord(reader: Viewer, id: string, body: unknown): Promise<SavedWordView> {
  requirePlausibleId(id, 'saved word');
  const { rating, reps } = parseWith(answerSchema, body);
  const card = await db.savedWord.findFirst({ where: { id, userId: reader.id }, select: scheduleSelect });
  if (!card) throw notFound('No such saved word.');
  const reviewedMeanwhile = () =>
    new Refused('conflict', 'This word was reviewed meanwhile (in another tab?): reload to see when it is due.');
  if (card.reps !== reps) throw reviewedMeanwhile();
  const next: Schedule = reviewed(card, rating, new Date());
  const { count } = await db.savedWord.updateMany({ where: { id, userId: reader.id, reps }, data: next });
  const row = await db.savedWord.findFirst({ where: { id, userId: reader.id }, select: savedSelect });
  if (!row) throw notFound('No such saved word.');
  if (count === 0) throw reviewedMeanwhile();
  return viewOf(row);
}
