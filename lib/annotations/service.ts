import 'server-only';
import { randomUUID } from 'node:crypto';
import { validateSelectors } from '@/lib/anchoring/validate-selectors';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors/refusal';
import { parseWith } from '@/lib/errors/parse-with';
import { announce, settleWrite } from './activity';
import { articleText, requireArticle, textRevision } from './article-texts';
import { checkNewSuggestion, checkSuggestionEdit, checkWording } from './suggestion-rules';
import type { ArticleLang } from '@/lib/content/types';
import { requirePlausibleId } from './ids';
import { requireOwn } from './ownership';
import { renderNoteMarkdown } from './render-markdown';
import { outlineOf, refreshSearch } from './search-index';
import { contributionOf, countChange, sentenceRows, withTally } from './tally';
import { searchFields, type SearchableNote } from '@/lib/review/search-fields';
import { createAnnotationSchema, updateAnnotationSchema } from './schema';
import { annotationWithTagsSelect, toApiAnnotation, type ApiAnnotation } from './serialize';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Refused('signInNeeded', 'Sign in to write notes.');
  return viewer;
}

// Writes check the session, then the article or ownership, and only then read and validate the body.

/** A new note's search columns (lib/review/search-fields.ts), from what it is written with. */
function searchColumns(slug: string, note: SearchableNote) {
  const { searchText, readingOrder } = searchFields(note, outlineOf(slug));
  return { searchText, readingOrder };
}

/** Creates an annotation after checking that its selectors describe the article's text exactly. */
export async function createAnnotation(slug: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<ApiAnnotation> {
  const author = requireViewer(viewer);
  requireArticle(slug);
  const input = parseWith(createAnnotationSchema, await readBody());
  const { quote, position } = input.target;
  const problems = validateSelectors(articleText(slug, input.lang), {
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    blockId: input.blockId,
    sentenceIds: input.sentenceIds,
  });
  if (problems.length) {
    // Name each field by its place in the request body.
    const path = (field: string) =>
      ['exact', 'prefix', 'suffix'].includes(field)
        ? `target.selector.${input.target.quoteIndex}.${field}`
        : ['start', 'end'].includes(field)
          ? `target.selector.${input.target.positionIndex}.${field}`
          : field;
    const issues = problems.map((p) => ({ field: path(p.field), message: p.message }));
    throw new Refused('notPossible', `The target does not match the article: ${problems[0].message}.`, issues);
  }
  if (input.suggestion) checkNewSuggestion(slug, input.suggestion);

  const data = {
    id: randomUUID(),
    article: slug,
    lang: input.lang,
    blockId: input.blockId,
    sentenceIds: JSON.stringify(input.sentenceIds),
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    textRevision: textRevision(slug),
    kind: input.kind,
    verdict: input.verdict,
    sourceUrl: input.sourceUrl,
    body: input.body,
    bodyHtml: renderNoteMarkdown(input.body),
    visibility: input.visibility,
    color: input.color,
    suggestion: input.suggestion?.text ?? null,
    suggestionLang: input.suggestion?.lang ?? null,
    suggestionSentenceId: input.suggestion?.sentenceId ?? null,
    suggestionState: input.suggestion ? 'open' : null,
    authorId: author.id,
    ...searchColumns(slug, {
      lang: input.lang,
      blockId: input.blockId,
      sentenceIds: input.sentenceIds,
      exact: quote.exact,
      start: position.start,
      body: input.body,
      suggestion: input.suggestion?.text ?? null,
      tags: [...input.tags].sort(),
      authorName: author.name,
      replies: [],
    }),
  };
  // One transaction: the note, its tags and its sentence rows. No read-back: the answer is built from
  // what was written. A shared note then adds to the discussion counts and bumps the article's
  // revision (settleWrite).
  const shared = data.visibility === 'shared';
  const written = await db.$transaction(async (tx) => {
    const row = await tx.annotation.create({
      data: { ...data, tags: { createMany: { data: input.tags.map((tag) => ({ tag })) } } },
      select: { createdAt: true, updatedAt: true, version: true },
    });
    await tx.annotationSentence.createMany({
      data: sentenceRows({ id: data.id, article: slug, sentenceIds: input.sentenceIds, createdAt: row.createdAt }, shared),
    });
    return row;
  });
  const counted = contributionOf({ visibility: data.visibility, hiddenAt: null, deletedAt: null, kind: data.kind, verdict: data.verdict });
  const revision = shared ? await settleWrite(slug, countChange(input.sentenceIds, contributionOf(null), counted)) : null;
  if (revision !== null) announce(slug, data.id, revision);
  return toApiAnnotation({
    ...data,
    ...written,
    resolved: false,
    deletedAt: null,
    hiddenAt: null,
    hiddenReason: null,
    editedAt: null,
    orphaned: false,
    suggestionDecidedAt: null,
    supportCount: 0,
    author: { id: author.id, name: author.name },
    tags: [...input.tags].sort().map((tag) => ({ tag })),
    replies: [],
  });
}

/** Loads an annotation for its author to change: 404 when missing or someone else's private note, 403 when someone else's. */
async function ownAnnotation(id: string, viewer: Viewer) {
  requirePlausibleId(id, 'annotation');
  const row = await db.annotation.findUnique({
    where: { id },
    select: {
      id: true,
      article: true,
      authorId: true,
      visibility: true,
      kind: true,
      verdict: true,
      sourceUrl: true,
      body: true,
      version: true,
      deletedAt: true,
      suggestion: true,
      suggestionLang: true,
      suggestionSentenceId: true,
      suggestionState: true,
      tags: { select: { tag: true } },
    },
  });
  return requireOwn(row, viewer, 'annotation');
}

/** Edits an annotation; a stale `version` gets 409 with the current annotation, never a silent overwrite. */
export async function updateAnnotation(id: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<ApiAnnotation> {
  const author = requireViewer(viewer);
  const current = await ownAnnotation(id, author);
  const input = parseWith(updateAnnotationSchema, await readBody());

  const kind = input.kind ?? current.kind;
  if (kind !== 'claim' && (input.verdict || input.sourceUrl)) {
    const field = input.verdict ? 'verdict' : 'sourceUrl';
    throw new Refused('invalid', `Invalid ${field}: only a claim carries a ${field === 'verdict' ? 'verdict' : 'source URL'}`, [
      { field, message: 'only a claim carries it' },
    ]);
  }
  if (input.visibility === 'private' && current.visibility === 'shared' && (await db.reply.count({ where: { annotationId: id } })) > 0)
    throw new Refused(
      'notPossible',
      'This note has replies, so it stays shared for their sake; delete it to leave a placeholder instead.',
      [{ field: 'visibility', message: 'a note with replies stays shared' }],
    );
  checkSuggestionEdit(current, kind, input.suggestionText);
  if (input.suggestionText !== undefined && current.suggestionLang && current.suggestionSentenceId)
    checkWording(
      current.article,
      { lang: current.suggestionLang as ArticleLang, sentenceId: current.suggestionSentenceId, text: input.suggestionText },
      'suggestionText',
    );
  if (input.resolved !== undefined && kind !== 'question')
    throw new Refused('invalid', 'Invalid resolved: only a question can be marked resolved', [
      { field: 'resolved', message: 'only a question can be resolved' },
    ]);
  const expected = input.version ?? current.version;
  const conflict = async () => {
    const latest = await db.annotation.findUniqueOrThrow({ where: { id }, select: annotationWithTagsSelect });
    return new Refused(
      'conflict',
      'This note was changed elsewhere since you loaded it; the current version is attached.',
      [],
      toApiAnnotation(latest),
    );
  };
  if (expected !== current.version) throw await conflict();

  // An edit changes what the note says; sharing it, marking it answered (or a moderator) does not.
  const verdict = kind === 'claim' ? (input.verdict ?? current.verdict ?? 'unverified') : null;
  const sourceUrl = kind !== 'claim' ? null : input.sourceUrl !== undefined ? input.sourceUrl : current.sourceUrl;
  const sameTags = (tags: string[]) =>
    [...new Set(tags)].sort().join('\n') ===
    current.tags
      .map((t) => t.tag)
      .sort()
      .join('\n');
  const edited =
    kind !== current.kind ||
    verdict !== current.verdict ||
    (sourceUrl ?? null) !== current.sourceUrl ||
    (input.body !== undefined && input.body !== current.body) ||
    (input.suggestionText !== undefined && input.suggestionText !== current.suggestion) ||
    (input.tags !== undefined && !sameTags(input.tags));

  const { result: updated, counted } = await db.$transaction((tx) =>
    withTally(tx, id, async () => {
      const { count } = await tx.annotation.updateMany({
        where: { id, version: expected },
        data: {
          kind,
          verdict,
          sourceUrl,
          ...(input.body !== undefined ? { body: input.body, bodyHtml: renderNoteMarkdown(input.body) } : {}),
          ...(input.visibility ? { visibility: input.visibility } : {}),
          ...(input.color ? { color: input.color } : {}),
          ...(input.suggestionText !== undefined ? { suggestion: input.suggestionText } : {}),
          ...(input.resolved !== undefined ? { resolved: input.resolved } : kind !== 'question' ? { resolved: false } : {}),
          ...(edited ? { editedAt: new Date() } : {}),
          version: { increment: 1 },
        },
      });
      if (count === 0) return null;
      if (input.tags) {
        await tx.annotationTag.deleteMany({ where: { annotationId: id } });
        if (input.tags.length) await tx.annotationTag.createMany({ data: input.tags.map((tag) => ({ annotationId: id, tag })) });
      }
      await refreshSearch(tx, id);
      return tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationWithTagsSelect });
    }),
  );
  if (!updated) throw await conflict();
  // Others see the change when the note is shared before or after it.
  if (current.visibility === 'shared' || updated.visibility === 'shared')
    announce(current.article, id, await settleWrite(current.article, counted));
  return toApiAnnotation(updated);
}

/**
 * Deletes an annotation (author only). A note with replies leaves a "deleted" placeholder (no body,
 * tags or verdict) so its thread survives; the placeholder goes when its last reply does.
 */
export async function deleteAnnotation(id: string, viewer: Viewer | null): Promise<void> {
  const author = requireViewer(viewer);
  const current = await ownAnnotation(id, author);
  const { counted } = await db.$transaction((tx) =>
    withTally(tx, id, async () => {
      const replies = await tx.reply.count({ where: { annotationId: id } });
      if (replies > 0) {
        await tx.annotationTag.deleteMany({ where: { annotationId: id } });
        await tx.annotation.update({
          where: { id },
          // A suggestion's wording goes with its body: the placeholder keeps only the thread.
          data: {
            deletedAt: new Date(),
            body: '',
            bodyHtml: '',
            verdict: null,
            sourceUrl: null,
            suggestion: null,
            suggestionLang: null,
            suggestionSentenceId: null,
            supportCount: 0,
            version: { increment: 1 },
          },
        });
        await tx.suggestionSupport.deleteMany({ where: { annotationId: id } });
        await refreshSearch(tx, id);
      } else {
        await tx.annotation.delete({ where: { id } });
      }
    }),
  );
  if (current.visibility === 'shared') announce(current.article, id, await settleWrite(current.article, counted));
}
