import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { articleSentenceText } from '@/lib/content/article-sentences';
import type { ArticleLang } from '@/lib/content/types';
import { db } from '@/lib/db';
import { notFound, Refused } from '@/lib/errors/refusal';
import { parseWith } from '@/lib/errors/parse-with';
import { announce, settleWrite } from './activity';
import { requirePlausibleId } from './ids';
import { decisionSchema, supportSchema } from './schema';
import { annotationWithTagsSelect, toApiAnnotation, type ApiAnnotation } from './serialize';
import { requireRole } from './roles';
import { requireViewer } from './service';

// Translation suggestions (issue 15, part 4; docs/decisions/012): readers +1 them, editors accept or
// decline them, and the accepted ones leave as a patch of the article's files (lib/content/apply-suggestions.ts).

/** A suggestion everyone may see (shared, not hidden, not deleted): 404 for what the viewer may not see. */
async function visibleSuggestion(id: string, viewer: Viewer) {
  requirePlausibleId(id, 'annotation');
  const note = await db.annotation.findUnique({
    where: { id },
    select: {
      article: true,
      kind: true,
      visibility: true,
      authorId: true,
      hiddenAt: true,
      deletedAt: true,
      suggestionState: true,
      suggestionLang: true,
      suggestionSentenceId: true,
      version: true,
    },
  });
  // What others may not read is not there for them, whatever its kind (as GET /api/annotations/{id} answers).
  const own = note?.authorId === viewer.id;
  if (!note || note.deletedAt || (!own && (note.visibility === 'private' || note.hiddenAt))) throw notFound('No such annotation.');
  if (note.kind !== 'translation') throw new Refused('notPossible', 'This note is not a translation suggestion.');
  if (note.visibility === 'private')
    throw new Refused('notPossible', 'Only shared suggestions can be supported or decided: share it first.');
  if (note.hiddenAt) throw new Refused('notPossible', 'This suggestion was hidden by a moderator.');
  return note;
}

export type SupportAnswer = { id: string; support: number; supported: boolean };

/** A reader +1s someone else's open suggestion (`support: true`), or takes the +1 back; doing it twice changes nothing. */
export async function supportSuggestion(id: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<SupportAnswer> {
  const reader = requireViewer(viewer);
  const note = await visibleSuggestion(id, reader);
  if (note.authorId === reader.id) throw new Refused('notPossible', 'This is your own suggestion.');
  if (note.suggestionState !== 'open') throw new Refused('notPossible', 'An editor has decided on this suggestion already.');
  const { support } = parseWith(supportSchema, await readBody());
  const key = { annotationId_userId: { annotationId: id, userId: reader.id } };
  const changed = await db
    .$transaction(async (tx) => {
      // The count moves only with a row created or removed, so a repeated +1 counts once; and only
      // while the suggestion is still open and visible (checked again here, in the write).
      const stillOpen = { id, suggestionState: 'open', visibility: 'shared', hiddenAt: null, deletedAt: null };
      if (support) {
        if (await tx.suggestionSupport.findUnique({ where: key, select: { userId: true } })) return false;
        await tx.suggestionSupport.create({ data: { annotationId: id, userId: reader.id }, select: { userId: true } });
        const { count } = await tx.annotation.updateMany({ where: stillOpen, data: { supportCount: { increment: 1 } } });
        if (count === 0) throw new Refused('notPossible', 'An editor has decided on this suggestion already.');
        return true;
      }
      const { count } = await tx.suggestionSupport.deleteMany({ where: { annotationId: id, userId: reader.id } });
      if (count === 0) return false;
      const { count: open } = await tx.annotation.updateMany({ where: stillOpen, data: { supportCount: { decrement: count } } });
      if (open === 0) throw new Refused('notPossible', 'An editor has decided on this suggestion already.');
      return true;
    })
    .catch((error: { code?: string }) => {
      // The same reader's +1 from two tabs at once: the other one counted it.
      if (error.code === 'P2002') return false;
      throw error;
    });
  if (changed) announce(note.article, id, await settleWrite(note.article, null));
  const row = await db.annotation.findUniqueOrThrow({ where: { id }, select: { supportCount: true } });
  return { id, support: row.supportCount, supported: support };
}

/**
 * An editor accepts or declines someone else's shared suggestion, or opens it again, naming the
 * version they read: a wording changed since gets 409 with the note as it is now. An acceptance
 * records the sentence as it reads, so the patch leaves it alone once it reads otherwise.
 */
export async function decideSuggestion(id: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<ApiAnnotation> {
  const editor = await requireRole(viewer, ['editor'], 'Only editors can accept or decline suggestions.');
  const note = await visibleSuggestion(id, editor);
  if (note.authorId === editor.id) throw new Refused('notPossible', 'Another editor decides on your own suggestion.');
  const { state, version } = parseWith(decisionSchema, await readBody());
  const base =
    state === 'accepted' && note.suggestionLang && note.suggestionSentenceId
      ? articleSentenceText(note.article, note.suggestionLang as ArticleLang, note.suggestionSentenceId)
      : undefined;
  const { count } = await db.annotation.updateMany({
    // Still visible and still a suggestion, checked in the write itself.
    where: { id, version, kind: 'translation', visibility: 'shared', hiddenAt: null, deletedAt: null },
    data: {
      suggestionState: state,
      suggestionDecidedAt: state === 'open' ? null : new Date(),
      suggestionDecidedBy: state === 'open' ? null : editor.id,
      suggestionBase: base ?? null,
      version: { increment: 1 },
    },
  });
  const row = await db.annotation.findUniqueOrThrow({ where: { id }, select: { ...annotationWithTagsSelect, hiddenAt: true } });
  if (count === 0) {
    if (row.visibility !== 'shared' || row.hiddenAt || row.deletedAt) throw notFound('No such annotation.');
    throw new Refused(
      'conflict',
      'This suggestion was changed since you loaded it; the current version is attached.',
      [],
      toApiAnnotation(row),
    );
  }
  announce(note.article, id, await settleWrite(note.article, null));
  return toApiAnnotation(row);
}

/** Past this many accepted suggestions the patch is cut (a patch that large wants an editor at a desk, not a download). */
export const maxSuggestionsPerPatch = 2000;

/**
 * An article's accepted suggestions that everyone can still see, in the order editors accepted them
 * (a later one on the same sentence wins). One index range (article, state, decidedAt).
 */
export async function acceptedSuggestions(article: string) {
  const rows = await db.annotation.findMany({
    where: { article, suggestionState: 'accepted', visibility: 'shared', hiddenAt: null, deletedAt: null },
    select: { id: true, suggestion: true, suggestionLang: true, suggestionSentenceId: true, suggestionBase: true },
    orderBy: [{ suggestionDecidedAt: 'asc' }, { id: 'asc' }],
    take: maxSuggestionsPerPatch,
  });
  return rows.flatMap((row) =>
    row.suggestion && row.suggestionSentenceId && (row.suggestionLang === 'zh' || row.suggestionLang === 'en')
      ? [
          {
            id: row.id,
            sentenceId: row.suggestionSentenceId,
            lang: row.suggestionLang as ArticleLang,
            text: row.suggestion,
            base: row.suggestionBase,
          },
        ]
      : [],
  );
}
