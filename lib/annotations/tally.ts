import 'server-only';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import type { ClaimVerdict } from './schema';

// The counts of discussion per sentence and per article (SentenceActivity, ArticleActivity), kept by
// every write in its own transaction: the write computes what its note counted for before and
// after, and adds the difference to the note's sentences and its article. O(sentences of the note)
// per write, whatever the article holds; reading an article's counts is one row per discussed
// sentence. AnnotationSentence.visible is kept in the same step.

type Client = Pick<Prisma.TransactionClient, 'annotation' | 'annotationSentence' | 'sentenceActivity' | 'articleActivity'>;

/** What a note counts for: nothing unless everyone may see it; then one note, and its verdict when it is a live claim. */
export type Contribution = { visible: boolean; verdict: ClaimVerdict | null };

export type ContributionRow = {
  visibility: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  kind: string;
  verdict: string | null;
};

export const isVisible = (row: Pick<ContributionRow, 'visibility' | 'hiddenAt'>) => row.visibility === 'shared' && row.hiddenAt === null;

export function contributionOf(row: ContributionRow | null): Contribution {
  if (!row || !isVisible(row)) return { visible: false, verdict: null };
  const verdict = row.kind === 'claim' && row.deletedAt === null ? (row.verdict as ClaimVerdict | null) : null;
  return { visible: true, verdict };
}

/** The count columns (`false` is a word SQL keeps for itself: claims judged false are `refuted`). */
const verdictColumn = {
  supported: 'supported',
  disputed: 'disputed',
  false: 'refuted',
  unverified: 'unverified',
} as const satisfies Record<ClaimVerdict, string>;

type Counts = { notes: number; supported: number; disputed: number; refuted: number; unverified: number };

function countsOf(contribution: Contribution): Counts {
  const counts: Counts = { notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 };
  if (!contribution.visible) return counts;
  counts.notes = 1;
  if (contribution.verdict) counts[verdictColumn[contribution.verdict]] = 1;
  return counts;
}

/** after − before, column by column; null when nothing changes. */
function difference(before: Contribution, after: Contribution): Counts | null {
  const [a, b] = [countsOf(before), countsOf(after)];
  const delta = Object.fromEntries(Object.keys(a).map((key) => [key, b[key as keyof Counts] - a[key as keyof Counts]])) as Counts;
  return Object.values(delta).some((value) => value !== 0) ? delta : null;
}

const increments = (delta: Counts) =>
  Object.fromEntries(Object.entries(delta).map(([key, value]) => [key, { increment: value }])) as Record<
    keyof Counts,
    { increment: number }
  >;
const positive = (delta: Counts) => Object.fromEntries(Object.entries(delta).map(([key, value]) => [key, Math.max(0, value)])) as Counts;

/**
 * Adds what a note's change made it count for (before → after) to its sentences and its article,
 * and keeps its sentence rows' `visible` in step. Run inside the transaction that changed the note.
 */
export async function applyContribution(
  client: Client,
  note: { id: string; article: string; sentenceIds: string[] },
  before: Contribution,
  after: Contribution,
): Promise<void> {
  if (before.visible !== after.visible)
    await client.annotationSentence.updateMany({ where: { annotationId: note.id }, data: { visible: after.visible } });
  const delta = difference(before, after);
  if (!delta) return;
  for (const sentenceId of note.sentenceIds)
    await client.sentenceActivity.upsert({
      where: { article_sentenceId: { article: note.article, sentenceId } },
      create: { article: note.article, sentenceId, ...positive(delta) },
      update: increments(delta),
      select: { notes: true },
    });
  await client.articleActivity.upsert({
    where: { article: note.article },
    create: { article: note.article, ...positive(delta) },
    update: increments(delta),
    select: { notes: true },
  });
}

/** The sentence rows of a new note (its contribution is then added with applyContribution from nothing). */
export function sentenceRows(note: { id: string; article: string; sentenceIds: string[]; createdAt: Date }, visible: boolean) {
  return [...new Set(note.sentenceIds)].map((sentenceId) => ({
    annotationId: note.id,
    article: note.article,
    sentenceId,
    visible,
    createdAt: note.createdAt,
  }));
}

/** A note as the tally sees it, read in the transaction (null when it is gone). */
export async function tallyRow(client: Pick<Client, 'annotation'>, id: string) {
  const row = await client.annotation.findUnique({
    where: { id },
    select: { id: true, article: true, sentenceIds: true, visibility: true, hiddenAt: true, deletedAt: true, kind: true, verdict: true },
  });
  return row ? { ...row, sentenceIds: JSON.parse(row.sentenceIds) as string[] } : null;
}

/**
 * Runs `change` (a write to note `id`) and brings the counts along: reads the note before and after
 * in the same transaction and applies the difference. Two primary-key reads per write.
 */
export async function withTally<T>(client: Client, id: string, change: () => Promise<T>): Promise<T> {
  const before = await tallyRow(client, id);
  const result = await change();
  if (!before) return result;
  const after = await tallyRow(client, id);
  await applyContribution(client, before, contributionOf(before), contributionOf(after));
  return result;
}
