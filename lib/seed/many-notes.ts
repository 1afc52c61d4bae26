import { randomUUID } from 'node:crypto';
import { outlineOf } from '@/lib/annotations/search-index';
import { searchFields } from '@/lib/review/search-fields';
import { describeOffsets } from '@/lib/anchoring/describe';
import { renderNoteMarkdown } from '@/lib/annotations/render-markdown';
import { annotationKinds, claimVerdicts } from '@/lib/annotations/vocabulary';
import { articleCanonicalText, articleTextRevision } from '@/lib/content/article-canonical-text';
import type { ArticleLang } from '@/lib/content/types';
import type { DatabaseClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { hotSentence } from './hot-sentence';
import { insertStatements } from './insert-rows';

/** The article the many notes are written on. */
export const manyNotesArticle = 'deepseek-capex';

/** Rows for `createMany`, one batch of notes with their tags and replies. */
export type NoteBatch = {
  annotations: Prisma.AnnotationCreateManyInput[];
  tags: Prisma.AnnotationTagCreateManyInput[];
  replies: Prisma.ReplyCreateManyInput[];
  /** The sentence rows (AnnotationSentence): the counts are recomputed once all batches are in. */
  sentences: Prisma.AnnotationSentenceCreateManyInput[];
};

export type ManyNotesOptions = {
  /** Shared notes to make. */
  notes: number;
  /** Replies to make in all, spread evenly over the notes. */
  replies?: number;
  /** User ids the notes and replies are written by, in turn. */
  authors: string[];
  /** Notes per batch (with their tags and replies). */
  batchSize?: number;
  /** When the first note was written; each later instant is a second on. */
  from: Date;
  /** Notes written at the same instant, so that a reader of pages must break ties by id. */
  perInstant?: number;
  /** Of the notes, this many go on one sentence (`hotSentence`), as on a passage everyone argues about. */
  hot?: number;
  /** The authors' display names, by id (what the review's search finds them by). */
  authorNames?: Record<string, string>;
  newId?: () => string;
};

export { hotSentence };

/** A sentence as it could be selected: what a note stores about its passage. */
type Passage = {
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

/** Every sentence of both languages of the article, described as the reader describes a selection. */
function passagesOf(slug: string): Passage[] {
  return (['zh', 'en'] as const).flatMap((lang) => {
    const canonical = articleCanonicalText(slug, lang);
    return canonical.sentences.flatMap((sentence) => {
      const description = describeOffsets(canonical, sentence.start, sentence.end);
      if (!description) return [];
      const [quote, position] = description.selectors;
      return [
        {
          lang,
          blockId: description.blockId,
          sentenceIds: JSON.stringify(description.sentenceIds),
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: position.start,
          end: position.end,
        },
      ];
    });
  });
}

// Rendering Markdown costs about 0.1 ms a body: each template is rendered once, and the note's
// number put into the source and the HTML alike (the token is letters only, which rendering keeps).
const token = 'NOTENUMBERTOKEN';
const template = (markdown: string) => ({ markdown, html: renderNoteMarkdown(markdown) });
/** Every kind but translations, whose suggestions a seed would have to invent: the same mix as before they came. */
const seededKinds = annotationKinds.filter((kind) => kind !== 'translation');

const noteBodies = {
  highlight: template(''),
  comment: template(`Seeded note ${token}: the **figure** here deserves a closer look.`),
  question: template(`Seeded question ${token}: where does this number come from?`),
  claim: template(`Seeded claim ${token}: see [the source](https://example.com/sources/${token}) for the figure.`),
};
const replyBody = template(`Seeded reply ${token}: I checked this against the *filing*.`);
const numbered = (body: { markdown: string; html: string }, n: number) => ({
  body: body.markdown.replaceAll(token, String(n)),
  bodyHtml: body.html.replaceAll(token, String(n)),
});

/**
 * Rows for many shared notes on `manyNotesArticle`, batch by batch: each note on a sentence of the
 * article (valid selectors, as `createAnnotation` would store them), kinds and verdicts in turn,
 * rendered bodies, one or two tags, and the replies spread evenly. For load tests and benchmarks;
 * the caller writes each batch (`insertNoteBatch`) and then bumps the article's revision.
 */
export function* manyNoteBatches(options: ManyNotesOptions): Generator<NoteBatch, void, undefined> {
  const { notes, replies = 0, authors, batchSize = 2000, from, perInstant = 2, hot = 0, authorNames = {}, newId = randomUUID } = options;
  const outline = outlineOf(manyNotesArticle);
  const passages = passagesOf(manyNotesArticle);
  const hotPassage = passages.find((passage) => passage.lang === 'zh' && passage.sentenceIds === JSON.stringify([hotSentence]))!;
  const firstReplyOf = (note: number) => Math.ceil((note * replies) / notes);
  for (let first = 0; first < notes; first += batchSize) {
    const batch: NoteBatch = { annotations: [], tags: [], replies: [], sentences: [] };
    for (let i = first; i < Math.min(first + batchSize, notes); i++) {
      const id = newId();
      const kind = seededKinds[i % seededKinds.length];
      const createdAt = new Date(from.getTime() + Math.floor(i / perInstant) * 1000);
      const { lang, ...passage } = i < hot ? hotPassage : passages[i % passages.length];
      batch.annotations.push({
        id,
        article: manyNotesArticle,
        lang,
        ...passage,
        textRevision: articleTextRevision(manyNotesArticle),
        kind,
        verdict: kind === 'claim' ? claimVerdicts[Math.floor(i / 4) % claimVerdicts.length] : null,
        sourceUrl: kind === 'claim' ? `https://example.com/sources/${i}` : null,
        ...numbered(noteBodies[kind], i),
        visibility: 'shared',
        resolved: kind === 'question' && i % 8 === 2,
        authorId: authors[i % authors.length],
        createdAt,
        updatedAt: createdAt,
      });
      const tags = i % 3 === 0 ? ['seeded', `t${i % 7}`] : [`t${i % 7}`];
      for (const tag of tags) batch.tags.push({ annotationId: id, tag });
      for (const sentenceId of JSON.parse(passage.sentenceIds) as string[])
        batch.sentences.push({ annotationId: id, article: manyNotesArticle, sentenceId, visible: true, createdAt });
      // Replies floor(j * notes / replies) = i: those from firstReplyOf(i) to before firstReplyOf(i + 1).
      for (let j = firstReplyOf(i), k = 1; j < firstReplyOf(i + 1); j++, k++) {
        const at = new Date(createdAt.getTime() + k * 60_000);
        batch.replies.push({
          id: newId(),
          annotationId: id,
          ...numbered(replyBody, j),
          authorId: authors[(i + k) % authors.length],
          createdAt: at,
          updatedAt: at,
        });
      }
      // What the review's search looks through, as a write through the domain would store it.
      const note = batch.annotations.at(-1)!;
      const thread = batch.replies.filter((reply) => reply.annotationId === id);
      Object.assign(
        note,
        (({ searchText, readingOrder }) => ({ searchText, readingOrder }))(
          searchFields(
            {
              lang,
              blockId: passage.blockId,
              sentenceIds: JSON.parse(passage.sentenceIds) as string[],
              exact: passage.exact,
              start: passage.start,
              body: note.body ?? '',
              tags: [...tags].sort(),
              authorName: authorNames[note.authorId] ?? '',
              replies: thread.map((reply) => ({ body: reply.body, authorName: authorNames[reply.authorId] ?? '' })),
            },
            outline,
          ),
        ),
      );
    }
    yield batch;
  }
}

/** Writes one batch, notes before their tags and replies, in one transaction. */
export async function insertNoteBatch(client: DatabaseClient, batch: NoteBatch): Promise<void> {
  await client.$transaction([
    ...insertStatements(client, 'Annotation', batch.annotations),
    ...insertStatements(client, 'AnnotationTag', batch.tags),
    ...insertStatements(client, 'Reply', batch.replies),
    ...insertStatements(client, 'AnnotationSentence', batch.sentences),
  ]);
}

/**
 * The generated readers the many notes are by. Fixed ids, so another run adds notes by the same
 * readers. better-auth users without an Account row: they have no password and cannot sign in,
 * which notes by others do not need.
 */
export function manyNotesReaders(count = 5): Prisma.UserCreateManyInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `seed-many-reader-${i + 1}`,
    name: `Seeded reader ${i + 1}`,
    email: `seed-many-reader-${i + 1}@example.test`,
  }));
}
