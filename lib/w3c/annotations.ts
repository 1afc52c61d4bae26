import 'server-only';
import { createHash } from 'node:crypto';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { readableAnnotation } from '@/lib/annotations/read-model';
import { createAnnotation, deleteAnnotation, requireViewer, updateAnnotation } from '@/lib/annotations/service';
import { requireArticle } from '@/lib/annotations/article-texts';
import { Refused } from '@/lib/errors/refusal';
import { noteFromAnnotation } from './from-w3c';
import { toW3cAnnotation, type W3cAnnotation } from './resource';

/** An annotation and its entity tag: its version and a digest of what is served, so any change shows. */
export type TaggedAnnotation = { annotation: W3cAnnotation; etag: string };

const tagged = (annotation: W3cAnnotation, version: number): TaggedAnnotation => ({
  annotation,
  etag: `"${version}-${createHash('sha256').update(JSON.stringify(annotation)).digest('base64url').slice(0, 16)}"`,
});

const identityOf = (id: string) =>
  db.annotationIdentity.findUnique({ where: { annotationId: id }, select: { canonical: true, via: true } });

/** A note of this article the caller may see (404 otherwise, and for deleted placeholders), as the protocol serves it. */
export async function readProtocolAnnotation(
  slug: string,
  id: string,
  viewer: Viewer | null,
  origin: string,
): Promise<TaggedAnnotation & { version: number; mine: boolean }> {
  requireArticle(slug);
  const note = await readableAnnotation(id, viewer);
  if (note.article !== slug || note.deleted) throw new Refused('notFound', 'No such annotation in this container.');
  const identity = await identityOf(id);
  return {
    ...tagged(toW3cAnnotation(note, origin, identity ?? undefined), note.version),
    version: note.version,
    mine: note.author.id === viewer?.id,
  };
}

/** Creates a note from a client's annotation (POST to the container); keeps its `canonical` and its former `id` as `via`. */
export async function createProtocolAnnotation(
  slug: string,
  readBody: () => Promise<unknown>,
  viewer: Viewer | null,
  origin: string,
): Promise<TaggedAnnotation> {
  requireViewer(viewer);
  requireArticle(slug);
  const { note, canonical, via } = noteFromAnnotation(await readBody(), slug, origin);
  const created = await createAnnotation(slug, async () => note, viewer);
  if (canonical !== null || via !== null) await db.annotationIdentity.create({ data: { annotationId: created.id, canonical, via } });
  // Read back, so the answer and its ETag are what a GET gives (tags in the database's order).
  return readProtocolAnnotation(slug, created.id, viewer, origin);
}

const bareTag = (tag: string) => tag.trim().replace(/^W\//, '');

/** The client's tag names a version that is no longer current (412). */
const staleTag = () =>
  new Refused('preconditionFailed', 'The annotation changed since you read it: GET it again, and send its new ETag in If-Match.');

/**
 * The preconditions of a write: `If-Match` must name the annotation as it is now (412 otherwise;
 * 428 without one where `required`: a blind replacement loses others' edits), and `If-None-Match`
 * must not (412: the client asked to write only if it does not exist). Our tags carry the version
 * and a digest of the whole answer, so a weak form of one (a proxy that compresses marks tags weak)
 * names the same annotation.
 */
function checkPreconditions(request: { ifMatch: string | null; ifNoneMatch: string | null }, etag: string, required: boolean) {
  const names = (header: string) => header.split(',').some((tag) => tag.trim() === '*' || bareTag(tag) === bareTag(etag));
  if (request.ifNoneMatch !== null && names(request.ifNoneMatch))
    throw new Refused('preconditionFailed', 'The annotation exists (If-None-Match): nothing was changed.');
  if (request.ifMatch === null) {
    if (required) throw new Refused('preconditionRequired', 'Send If-Match with the ETag of the annotation you edit (GET it first).');
    return;
  }
  if (!names(request.ifMatch)) throw staleTag();
}

/** The conditional headers of a write. */
export type Preconditions = { ifMatch: string | null; ifNoneMatch: string | null };

/**
 * Replaces a note's words, tags, kind, verdict, source and visibility with a client's annotation
 * (PUT with If-Match). Its target cannot change: a note stays on the passage it was made on.
 */
export async function replaceProtocolAnnotation(
  slug: string,
  id: string,
  readBody: () => Promise<unknown>,
  viewer: Viewer | null,
  origin: string,
  preconditions: Preconditions,
): Promise<TaggedAnnotation> {
  const author = requireViewer(viewer);
  const current = await readProtocolAnnotation(slug, id, author, origin);
  if (!current.mine) throw new Refused('forbidden', 'Only its author can change an annotation.');
  checkPreconditions(preconditions, current.etag, true);
  const { note, visibilityGiven } = noteFromAnnotation(await readBody(), slug, origin);
  const [quote, position] = current.annotation.target.selector;
  const [newQuote, newPosition] = note.target.selector;
  if (
    current.annotation.target.source !== `${origin}/${note.lang}/articles/${slug}` ||
    position.start !== newPosition.start ||
    position.end !== newPosition.end ||
    quote.exact !== newQuote.exact
  )
    throw new Refused('invalid', 'Invalid target: an annotation stays on the passage it was made on; make a new one for another passage.', [
      { field: 'target', message: 'cannot change' },
    ]);
  try {
    await updateAnnotation(
      id,
      async () => ({
        kind: note.kind,
        ...(note.kind === 'claim' && { verdict: note.verdict ?? 'unverified', sourceUrl: note.sourceUrl }),
        body: note.body,
        tags: note.tags,
        ...(visibilityGiven && { visibility: note.visibility }),
        version: current.version,
      }),
      author,
    );
  } catch (error) {
    // Changed between our read and the write: the client's ETag is stale after all.
    if (error instanceof Refused && error.refusal === 'conflict') throw staleTag();
    throw error;
  }
  return readProtocolAnnotation(slug, id, author, origin);
}

/** Deletes a note (its author only); with If-Match, only the version named. */
export async function deleteProtocolAnnotation(
  slug: string,
  id: string,
  viewer: Viewer | null,
  origin: string,
  preconditions: Preconditions,
) {
  const author = requireViewer(viewer);
  const current = await readProtocolAnnotation(slug, id, author, origin);
  if (!current.mine) throw new Refused('forbidden', 'Only its author can delete an annotation.');
  checkPreconditions(preconditions, current.etag, false);
  await deleteAnnotation(id, author);
}
