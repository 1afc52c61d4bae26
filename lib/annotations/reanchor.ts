import 'server-only';
import { anchorSelectors, type Anchor } from '@/lib/anchoring/anchor';
import { describeOffsets } from '@/lib/anchoring/describe';
import type { CanonicalText } from '@/lib/anchoring/types';
import type { ArticleLang } from '@/lib/content/types';
import { db } from '@/lib/db';
import type { ArticleOutline } from '@/lib/review/outline';
import { settleWrite } from './activity';
import { articleText, textRevision } from './article-texts';
import { outlineOf, refreshSearch } from './search-index';
import { contributionOf, countChange, isVisible, sentenceRows, type Contribution } from './tally';

/** The text notes are re-anchored on: which revision it is, its canonical text per language, its outline. */
export type Edition = { textRevision: number; text: (lang: ArticleLang) => CanonicalText; outline: ArticleOutline };

/** The article as this process serves it. */
export function currentEdition(slug: string): Edition {
  return { textRevision: textRevision(slug), text: (lang) => articleText(slug, lang), outline: outlineOf(slug) };
}

/** How each note made on an older revision was placed: by which selector, or not at all. */
export type ReanchorOutcome = Record<Anchor['method'] | 'orphaned', number>;

const noteSelect = {
  lang: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  sentenceIds: true,
  textRevision: true,
  visibility: true,
  hiddenAt: true,
  deletedAt: true,
  kind: true,
  verdict: true,
  createdAt: true,
} as const;

type Placed = { method: keyof ReanchorOutcome; before: string[]; after: string[]; counted: Contribution };

/** Re-anchors one note in its own transaction, its row locked, as every write to a note is. */
async function reanchorNote(slug: string, id: string, edition: Edition): Promise<Placed | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Annotation" SET "version" = "version" WHERE "id" = ${id}`;
    const note = await tx.annotation.findUnique({ where: { id }, select: noteSelect });
    if (!note || note.textRevision >= edition.textRevision) return null;
    const canonical = edition.text(note.lang as ArticleLang);
    const anchor = anchorSelectors(canonical.text, [
      { type: 'TextQuoteSelector', exact: note.exact, prefix: note.prefix, suffix: note.suffix },
      { type: 'TextPositionSelector', start: note.start, end: note.end },
    ]);
    const described = anchor && describeOffsets(canonical, anchor.start, anchor.end);
    const before = JSON.parse(note.sentenceIds) as string[];
    const after = described?.sentenceIds ?? [];
    // Raw where the client would move updatedAt, which says when the note's author last changed it.
    if (described) {
      const [quote, position] = described.selectors;
      await tx.$executeRaw`UPDATE "Annotation" SET "textRevision" = ${edition.textRevision}, "orphaned" = false,
        "exact" = ${quote.exact}, "prefix" = ${quote.prefix}, "suffix" = ${quote.suffix}, "start" = ${position.start},
        "end" = ${position.end}, "blockId" = ${described.blockId}, "sentenceIds" = ${JSON.stringify(after)} WHERE "id" = ${id}`;
    } else {
      // On no sentence now: no counterpart to mark or quote in the other language, no sentence to list it under.
      await tx.$executeRaw`UPDATE "Annotation" SET "textRevision" = ${edition.textRevision}, "orphaned" = true, "sentenceIds" = '[]' WHERE "id" = ${id}`;
    }
    if (before.join() !== after.join()) {
      await tx.annotationSentence.deleteMany({ where: { annotationId: id } });
      await tx.annotationSentence.createMany({
        data: sentenceRows({ id, article: slug, sentenceIds: after, createdAt: note.createdAt }, isVisible(note)),
      });
    }
    await refreshSearch(tx, id, edition.outline);
    return { method: described ? anchor.method : 'orphaned', before, after, counted: contributionOf(note) };
  });
}

/**
 * Places every note of an article made on an older revision of its text in the current one
 * (issue 15, docs/decisions/011): position, then quote, then fuzzy quote, as the reader anchors;
 * a note with no trustworthy place becomes an orphan, keeping its quote, rather than moving to
 * look-alike text. Its selectors, block, sentences, sentence rows and search columns follow; the
 * discussion counts move from its old sentences to its new ones. Notes on the current revision
 * are left alone, so running it again, or on several instances at once, changes nothing more.
 * O(notes made on older revisions), once per edit; run by `npm start` (content:reanchor).
 */
export async function reanchorArticle(slug: string, edition: Edition = currentEdition(slug)): Promise<ReanchorOutcome> {
  const outcome: ReanchorOutcome = { position: 0, quote: 0, fuzzy: 0, orphaned: 0 };
  const none = contributionOf(null);
  let after = '';
  for (;;) {
    const batch = await db.annotation.findMany({
      where: { article: slug, textRevision: { lt: edition.textRevision }, id: { gt: after } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 200,
    });
    if (batch.length === 0) return outcome;
    for (const { id } of batch) {
      const placed = await reanchorNote(slug, id, edition);
      if (!placed) continue;
      outcome[placed.method]++;
      if (!placed.counted.visible || placed.before.join() === placed.after.join()) continue;
      await settleWrite(slug, countChange(placed.before, placed.counted, none), { sentencesOnly: true });
      await settleWrite(slug, countChange(placed.after, none, placed.counted), { sentencesOnly: true });
    }
    after = batch.at(-1)!.id;
  }
}
