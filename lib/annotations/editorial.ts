import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@/lib/auth/auth';
import { articleSentenceText } from '@/lib/content/article-sentences';
import { db, publicReads } from '@/lib/db';
import { notFound, Refused } from '@/lib/errors/refusal';
import { parseWith } from '@/lib/errors/parse-with';
import { settleWrite } from './activity';
import { requireArticle } from './article-texts';
import { renderNoteMarkdown } from './render-markdown';
import { editorialVerdictSchema } from './schema';
import { requireRole } from './roles';
import type { EditorialRating } from './vocabulary';

// Editorial verdicts on claim sentences (issue 16; docs/decisions/013): an editor or moderator
// publishes a rating with reasoning and sources, revises it or withdraws it; every version is kept.

/** One version of a sentence's editorial verdict, as the API and the claims page show it. */
export type EditorialVerdictView = {
  sentenceId: string;
  version: number;
  /** Null: this version withdrew the verdict. */
  rating: EditorialRating | null;
  reasoning: { en: string; zh: string };
  reasoningHtml: { en: string; zh: string };
  sources: string[];
  editor: { id: string; name: string };
  createdAt: string;
};

const verdictSelect = {
  sentenceId: true,
  version: true,
  rating: true,
  reasoningEn: true,
  reasoningZh: true,
  reasoningEnHtml: true,
  reasoningZhHtml: true,
  sources: true,
  createdAt: true,
  editor: { select: { id: true, name: true } },
} as const;

type VerdictRow = {
  sentenceId: string;
  version: number;
  rating: string | null;
  reasoningEn: string;
  reasoningZh: string;
  reasoningEnHtml: string;
  reasoningZhHtml: string;
  sources: string;
  createdAt: Date;
  editor: { id: string; name: string };
};

function toView(row: VerdictRow): EditorialVerdictView {
  return {
    sentenceId: row.sentenceId,
    version: row.version,
    rating: row.rating as EditorialRating | null,
    reasoning: { en: row.reasoningEn, zh: row.reasoningZh },
    reasoningHtml: { en: row.reasoningEnHtml, zh: row.reasoningZhHtml },
    sources: JSON.parse(row.sources) as string[],
    editor: row.editor,
    createdAt: row.createdAt.toISOString(),
  };
}

function requireSentence(slug: string, sentenceId: string) {
  requireArticle(slug);
  if (!/^[hp]\d{2,4}-s\d{1,4}$/.test(sentenceId) || articleSentenceText(slug, 'zh', sentenceId) === undefined)
    throw notFound(`No sentence "${sentenceId}" in this article.`);
}

/** Every version of a sentence's verdict, newest first (public). */
export async function verdictHistory(slug: string, sentenceId: string): Promise<EditorialVerdictView[]> {
  requireSentence(slug, sentenceId);
  const rows = await publicReads.editorialVerdict.findMany({
    where: { article: slug, sentenceId },
    select: verdictSelect,
    orderBy: { version: 'desc' },
    take: 200,
  });
  return rows.map(toView);
}

/**
 * Publishes, revises or withdraws a sentence's verdict as its next version. The editor names the
 * version they read (0 for none): if another version came meanwhile, 409 with the history, never a
 * silent overwrite (the unique version per sentence decides a race).
 */
export async function writeVerdict(slug: string, sentenceId: string, readBody: () => Promise<unknown>, viewer: Viewer | null) {
  const editor = await requireRole(viewer, ['editor', 'moderator'], 'Only editors and moderators publish verdicts.');
  requireSentence(slug, sentenceId);
  const input = parseWith(editorialVerdictSchema, await readBody());
  const latest = await db.editorialVerdict.findFirst({
    where: { article: slug, sentenceId },
    select: { version: true, rating: true },
    orderBy: { version: 'desc' },
  });
  const conflict = async () =>
    new Refused(
      'conflict',
      'The verdict was changed since you loaded it; its history is attached.',
      [],
      await verdictHistory(slug, sentenceId),
    );
  if ((latest?.version ?? 0) !== input.version) throw await conflict();
  if (input.action === 'withdraw' && !latest?.rating) throw new Refused('notPossible', 'There is no published verdict to withdraw.');
  const publish = input.action === 'publish' ? input : null;
  const row = await db.editorialVerdict
    .create({
      data: {
        id: randomUUID(),
        article: slug,
        sentenceId,
        version: input.version + 1,
        rating: publish?.rating ?? null,
        reasoningEn: publish?.reasoningEn ?? '',
        reasoningZh: publish?.reasoningZh ?? '',
        reasoningEnHtml: renderNoteMarkdown(publish?.reasoningEn ?? ''),
        reasoningZhHtml: renderNoteMarkdown(publish?.reasoningZh ?? ''),
        sources: JSON.stringify([...new Set(publish?.sources ?? [])]),
        editorId: editor.id,
      },
      select: verdictSelect,
    })
    .catch(async (error: { code?: string }) => {
      if (error.code === 'P2002') throw await conflict();
      throw error;
    });
  // The article's summary carries the published verdicts (the reader's margin marks): its revision moves.
  await settleWrite(slug, null);
  return toView(row);
}

/** Of rows ordered by sentence then newest version first: each sentence's latest, where it is not a withdrawal. */
function latestPublished<T extends { sentenceId: string; rating: string | null }>(rows: T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) if (!latest.has(row.sentenceId)) latest.set(row.sentenceId, row);
  for (const [sentenceId, row] of latest) if (!row.rating) latest.delete(sentenceId);
  return latest;
}

const newestFirst = [{ sentenceId: 'asc' as const }, { version: 'desc' as const }];

/** The article's published verdicts, the latest version of each sentence that has one (withdrawn ones left out). */
export async function publishedVerdicts(slug: string): Promise<Map<string, EditorialVerdictView>> {
  const rows = await publicReads.editorialVerdict.findMany({ where: { article: slug }, select: verdictSelect, orderBy: newestFirst });
  return new Map([...latestPublished(rows)].map(([sentenceId, row]) => [sentenceId, toView(row)]));
}

/**
 * Just the published ratings by sentence, for the article's summary (read on every page view): three
 * short columns a row, not the reasoning and sources.
 */
export async function publishedRatings(slug: string): Promise<Record<string, EditorialRating>> {
  const rows = await publicReads.editorialVerdict.findMany({
    where: { article: slug },
    select: { sentenceId: true, version: true, rating: true },
    orderBy: newestFirst,
  });
  return Object.fromEntries([...latestPublished(rows)].map(([sentenceId, row]) => [sentenceId, row.rating as EditorialRating]));
}
