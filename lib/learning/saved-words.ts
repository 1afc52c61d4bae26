import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/auth';
import { decodeCursor, encodeCursor, pageLimit } from '@/lib/annotations/cursor';
import { requirePlausibleId } from '@/lib/annotations/ids';
import { articleSentenceText } from '@/lib/content/article-sentences';
import { isArticleSlug } from '@/lib/content/article-files';
import { db } from '@/lib/db';
import { parseWith } from '@/lib/errors/parse-with';
import { invalidField, notFound, Refused } from '@/lib/errors/refusal';
import { wordStarts } from './article-words';
import { readArticleWords } from './article-words-file';

/** A saved word as its reader sees it (issue 17). */
export type SavedWordView = {
  id: string;
  word: string;
  pinyin: string;
  definition: string;
  article: string;
  sentenceId: string;
  start: number;
  sentenceZh: string;
  sentenceEn: string;
  createdAt: string;
  due: string;
  /** Reviews so far: sent back with an answer, so that a card answered twice counts once. */
  reps: number;
};

/** Words one reader may keep: a bound on what one account stores. */
export const maxSavedWords = 5000;
const maxDefinition = 500;

export const savedSelect = {
  id: true,
  word: true,
  pinyin: true,
  definition: true,
  article: true,
  sentenceId: true,
  start: true,
  sentenceZh: true,
  sentenceEn: true,
  createdAt: true,
  due: true,
  reps: true,
} as const;

type SavedRow = Omit<SavedWordView, 'createdAt' | 'due'> & { createdAt: Date; due: Date };

export const viewOf = (row: SavedRow): SavedWordView => ({ ...row, createdAt: row.createdAt.toISOString(), due: row.due.toISOString() });

/** The signed-in reader, asked for before a body is read: signed out is a 401 whatever the body. */
export function requireReader(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Refused('signInNeeded', 'Sign in to save words.');
  return viewer;
}

const saveSchema = z
  .object({
    article: z.string().max(100),
    sentenceId: z.string().max(32),
    start: z.number().int().min(0).max(10_000),
    /** The word the card showed, when the browser sends it: only compared, never stored. */
    word: z.string().max(32).optional(),
  })
  .strict();

/** The article's sense first, then the dictionary's first senses, within the column's bound. */
function definitionOf(entry: { gloss?: string; senses: { definitions: string[] }[] }): string {
  const parts = [entry.gloss, ...entry.senses.slice(0, 2).map((sense) => sense.definitions.slice(0, 4).join('; '))].filter(Boolean);
  const text = parts.join(' | ');
  return text.length > maxDefinition ? `${text.slice(0, maxDefinition - 1)}…` : text;
}

/**
 * Saves the word that starts at `start` in an article's Chinese sentence. Only the place comes from
 * the client: the word, its pinyin and definition and the two sentences are the article's. Saving a
 * word already saved answers the card there is (`created: false`), from whichever sentence.
 */
export async function saveWord(reader: Viewer, body: unknown): Promise<{ word: SavedWordView; created: boolean }> {
  const input = parseWith(saveSchema, body);
  const words = isArticleSlug(input.article) ? readArticleWords(input.article) : undefined;
  if (!words) throw notFound('No such article.');
  const tokens = Object.hasOwn(words.sentences, input.sentenceId) ? words.sentences[input.sentenceId] : undefined;
  if (!tokens) throw invalidField('sentenceId', 'is not a sentence of the article');
  const found = wordStarts(tokens).find(({ start }) => start === input.start);
  if (!found) throw invalidField('start', 'is not where a Chinese word of the sentence starts');
  const { word, pinyin } = found;
  // A card drawn from an older word list (a cached piece, before a deploy that cut words otherwise).
  if (input.word !== undefined && input.word !== word)
    throw new Refused('conflict', `The article's words have changed since this page was loaded: reload it to save “${input.word}”.`);
  const data = {
    word,
    pinyin,
    definition: definitionOf(words.words[word]),
    article: input.article,
    sentenceId: input.sentenceId,
    start: input.start,
    sentenceZh: articleSentenceText(input.article, 'zh', input.sentenceId) ?? '',
    sentenceEn: articleSentenceText(input.article, 'en', input.sentenceId) ?? '',
  };
  // The reader's row first: two saves at once take turns, so the count cannot pass the bound.
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: reader.id }, data: { updatedAt: new Date() }, select: { id: true } });
    const existing = await tx.savedWord.findUnique({ where: { userId_word: { userId: reader.id, word } }, select: savedSelect });
    if (existing) return { word: viewOf(existing), created: false };
    if ((await tx.savedWord.count({ where: { userId: reader.id } })) >= maxSavedWords)
      throw new Refused('notPossible', `You have saved ${maxSavedWords} words, the most one reader may keep: delete some first.`);
    const row = await tx.savedWord.create({ data: { id: randomUUID(), userId: reader.id, due: new Date(), ...data }, select: savedSelect });
    return { word: viewOf(row), created: true };
  });
}

/** The reader's saved words, newest first, a page at a time (`after` is the last page's cursor). */
export async function listSavedWords(viewer: Viewer | null, query: URLSearchParams) {
  const reader = requireReader(viewer);
  const after = decodeCursor(query.get('after'));
  const limit = pageLimit(query.get('limit'), 50, 200);
  const rows = await db.savedWord.findMany({
    where: {
      userId: reader.id,
      ...(after && { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }),
    },
    select: savedSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { words: page.map(viewOf), next: rows.length > limit && last ? encodeCursor(last) : null };
}

/** Deletes one of the reader's saved words; 404 for anyone else's. */
export async function deleteSavedWord(viewer: Viewer | null, id: string): Promise<void> {
  const reader = requireReader(viewer);
  requirePlausibleId(id, 'saved word');
  const { count } = await db.savedWord.deleteMany({ where: { id, userId: reader.id } });
  if (count === 0) throw notFound('No such saved word.');
}

/** All the reader's saved words, oldest first, read a page at a time (for the export). */
export async function* eachSavedWord(readerId: string, pageSize = 500): AsyncGenerator<SavedWordView> {
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await db.savedWord.findMany({
      where: {
        userId: readerId,
        ...(after && { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }),
      },
      select: savedSelect,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
    });
    for (const row of rows) yield viewOf(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1];
  }
}
