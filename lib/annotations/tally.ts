import 'server-only';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import type { ClaimVerdict } from './schema';

// The counts of discussion per sentence and per article (SentenceActivity, ArticleActivity), kept by
// every write: the write computes, in its transaction, what its note counted for before and after,
// and once it has committed the difference is added to the note's sentences and its article
// (settleWrite, activity.ts). O(sentences of the note) per write, whatever the article holds; reading
// an article's counts is one row per discussed sentence. AnnotationSentence.visible, the note's own
// rows, is kept in the transaction.

type Client = Pick<Prisma.TransactionClient, 'annotation' | 'annotationSentence' | '$executeRaw'>;

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

export type Counts = { notes: number; supported: number; disputed: number; refuted: number; unverified: number };

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

/** What a write changed in the counts: `delta` on each of the note's sentences (sorted, once each) and on its article. */
export type CountChange = { sentenceIds: string[]; delta: Counts };

/**
 * A note's change (before → after) in what it counts for, to settle once the write has committed;
 * keeps its sentence rows' `visible` in step now. Run inside the transaction that changed the note.
 */
export async function recordContribution(
  client: Client,
  note: { id: string; sentenceIds: string[] },
  before: Contribution,
  after: Contribution,
): Promise<CountChange | null> {
  if (before.visible !== after.visible)
    await client.annotationSentence.updateMany({ where: { annotationId: note.id }, data: { visible: after.visible } });
  return countChange(note.sentenceIds, before, after);
}

/** The change in counts from `before` to `after` on a note's sentences; null when there is none. */
export function countChange(sentenceIds: string[], before: Contribution, after: Contribution): CountChange | null {
  const delta = difference(before, after);
  // Sorted, so that writes touching the same sentences lock their rows in the same order.
  return delta && { sentenceIds: [...new Set(sentenceIds)].sort(), delta };
}

/** The sentence rows of a new note (its count change is then countChange from nothing). */
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
 * Runs `change` (a write to note `id`) and works out what it changed in the counts: locks the note's
 * row, reads it before and after in the same transaction. Without the lock, two writes to one note
 * (a moderator hiding it while its author makes it private) could both read it visible and both
 * take it off the counts (tests/annotations/concurrent-tallies.test.ts).
 */
export async function withTally<T>(
  client: Client,
  id: string,
  change: () => Promise<T>,
): Promise<{ result: T; counted: CountChange | null }> {
  // A write that changes nothing still takes the row's lock (PostgreSQL); SQLite runs one write at a time anyway.
  await client.$executeRaw`UPDATE "Annotation" SET "version" = "version" WHERE "id" = ${id}`;
  const before = await tallyRow(client, id);
  const result = await change();
  if (!before) return { result, counted: null };
  const after = await tallyRow(client, id);
  return { result, counted: await recordContribution(client, before, contributionOf(before), contributionOf(after)) };
}
