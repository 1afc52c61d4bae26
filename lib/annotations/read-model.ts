import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { publicReads } from '@/lib/db';
import { Refused } from '@/lib/errors/refusal';
import { articleRevision } from './activity';
import { articleText, requireArticle } from './article-texts';
import { decodeCursor, encodeCursor } from './cursor';
import { loadAnnotationPage, loadAnnotationsByIds, publicWhere, type PageCursor } from './load-annotations';
import { publishedRatings } from './editorial';
import type { ClaimVerdict } from './schema';
import type { EditorialRating } from './vocabulary';
import type { ApiAnnotation } from './serialize';
import { requirePlausibleId } from './ids';
import { requireViewer } from './service';

// What a reader of an article reads (docs/decisions/009): how much discussion each sentence has,
// one sentence's notes a page at a time, and the reader's own notes. Each costs what it returns,
// whatever the article holds.

export type Tally = { notes: number; verdicts: Record<ClaimVerdict, number> };
/** `since`: only the sentences changed after that revision (a delta to merge), those gone to none included. */
export type ArticleSummary = {
  revision: number;
  totals: Tally;
  sentences: Record<string, Tally>;
  /** The editors' published verdicts by sentence (issue 16): always whole, a few rows an article. */
  editorial: Record<string, EditorialRating>;
  since?: number;
};

const tallyOf = (row: { notes: number; supported: number; disputed: number; refuted: number; unverified: number }): Tally => ({
  notes: row.notes,
  verdicts: { supported: row.supported, disputed: row.disputed, false: row.refuted, unverified: row.unverified },
});

const countColumns = { notes: true, supported: true, disputed: true, refuted: true, unverified: true } as const;

/**
 * The article's discussion at a glance: its revision, how many notes everyone may see (and their
 * claims' verdicts), and the same for every sentence that has any. One row per discussed sentence.
 *
 * With `since` (the revision of a summary the reader holds): only the sentences whose counts changed
 * after it, those that went to none included, to merge into that summary. The revision is read
 * first: a sentence's change is stamped with the revision after the one its statement found
 * (activity.ts settleWrite), so every change stamped at or before the revision read here was
 * already visible when the sentences are read, and nothing a reader lacks is left out.
 */
export async function articleSummary(slug: string, since?: number): Promise<ArticleSummary> {
  requireArticle(slug);
  const activity = await publicReads.articleActivity.findUnique({ where: { article: slug }, select: { revision: true, ...countColumns } });
  const sentences = await publicReads.sentenceActivity.findMany({
    where: since === undefined ? { article: slug, notes: { gt: 0 } } : { article: slug, revision: { gt: since } },
    select: { sentenceId: true, ...countColumns },
  });
  const empty = { notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 };
  return {
    revision: activity?.revision ?? 0,
    totals: tallyOf(activity ?? empty),
    sentences: Object.fromEntries(sentences.map((row) => [row.sentenceId, tallyOf(row)])),
    editorial: await publishedRatings(slug),
    ...(since === undefined ? {} : { since }),
  };
}

/** A summary's `?since=`: a revision (a whole number), or none for the whole summary. */
export function summarySince(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647)
    throw new Refused('invalid', 'Invalid since: the revision of a summary you hold.', [{ field: 'since', message: 'must be a revision' }]);
  return Number(value);
}

const sentenceIds = new Map<string, Set<string>>();

/** 404 unless the sentence id is one of the article's (the ids are the same in both languages). */
function requireSentence(slug: string, sentenceId: string) {
  let ids = sentenceIds.get(slug);
  if (!ids) sentenceIds.set(slug, (ids = new Set(articleText(slug, 'zh').sentences.map((sentence) => sentence.id))));
  if (!ids.has(sentenceId)) throw new Refused('notFound', `No sentence "${sentenceId.slice(0, 40)}" in this article.`);
}

export type NotesPage = { annotations: ApiAnnotation[]; next: string | null };

/**
 * The notes everyone may see on one sentence, oldest first, `limit` at a time after the cursor
 * `after`: one range of the AnnotationSentence index, then those notes by id.
 */
export async function sentenceAnnotations(
  slug: string,
  sentenceId: string,
  { after, limit }: { after: string | null; limit: number },
): Promise<NotesPage> {
  requireArticle(slug);
  requireSentence(slug, sentenceId);
  const cursor = decodeCursor(after);
  const rows = await publicReads.annotationSentence.findMany({
    where: {
      article: slug,
      sentenceId,
      visible: true,
      ...(cursor && { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, annotationId: { gt: cursor.id } }] }),
    },
    orderBy: [{ createdAt: 'asc' }, { annotationId: 'asc' }],
    take: limit + 1,
    select: { annotationId: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: PageCursor | null = rows.length > limit && last ? { createdAt: last.createdAt, id: last.annotationId } : null;
  return {
    annotations: await loadAnnotationsByIds(
      page.map((row) => row.annotationId),
      publicReads,
    ),
    next: encodeCursor(next),
  };
}

/** Every note everyone may see on the article, oldest first, a page at a time (the review page, exports). */
export async function sharedAnnotationPage(slug: string, { after, limit }: { after: string | null; limit: number }): Promise<NotesPage> {
  requireArticle(slug);
  const page = await loadAnnotationPage({ article: slug, ...publicWhere }, { after: decodeCursor(after), limit, client: publicReads });
  return { annotations: page.annotations, next: encodeCursor(page.next) };
}

/**
 * The signed-in reader's own notes on the article, oldest first, a page at a time: private, shared
 * and hidden ones (not the placeholders of notes they deleted). 401 when signed out.
 */
export async function ownArticleAnnotationPage(
  slug: string,
  viewer: Viewer | null,
  { after, limit }: { after: string | null; limit: number },
): Promise<NotesPage> {
  const reader = requireViewer(viewer);
  requireArticle(slug);
  const page = await loadAnnotationPage({ article: slug, authorId: reader.id, deletedAt: null }, { after: decodeCursor(after), limit });
  return { annotations: page.annotations, next: encodeCursor(page.next) };
}

/** The article's revision, for answers that are the same for everyone until it changes (ETag). */
export const currentRevision = (slug: string) => {
  requireArticle(slug);
  return articleRevision(slug);
};

/** One note, as the reader may see it: one everyone may see, or the reader's own; 404 otherwise (a private note is not admitted to). */
export async function readableAnnotation(id: string, viewer: Viewer | null): Promise<ApiAnnotation> {
  requirePlausibleId(id, 'annotation');
  const [note] = await loadAnnotationsByIds([id], publicReads);
  const mine = note && viewer !== null && note.author.id === viewer.id;
  if (!note || (!mine && (note.visibility !== 'shared' || note.hidden !== null))) throw new Refused('notFound', 'No such annotation.');
  return note;
}
