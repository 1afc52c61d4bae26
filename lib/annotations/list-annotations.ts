import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { requireArticle } from './article-texts';
import { annotationSelect, toApiAnnotation } from './serialize';

type Where = { article: string; visibility?: string; authorId?: string };
type Serialized = { id: string; json: string };

/** Annotations matching `where`, serialised, oldest first. Tags come in one joined query rather than
 * through `include`, which would bind every annotation id as a parameter (past SQLite's limit). */
async function load(where: Where): Promise<Serialized[]> {
  const [rows, tags] = await Promise.all([
    db.annotation.findMany({ where, select: annotationSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.annotationTag.findMany({ where: { annotation: where }, select: { annotationId: true, tag: true }, orderBy: { tag: 'asc' } }),
  ]);
  const tagsOf = new Map<string, { tag: string }[]>();
  for (const { annotationId, tag } of tags) {
    if (!tagsOf.has(annotationId)) tagsOf.set(annotationId, []);
    tagsOf.get(annotationId)!.push({ tag });
  }
  return rows.map((row) => ({ id: row.id, json: JSON.stringify(toApiAnnotation({ ...row, tags: tagsOf.get(row.id) ?? [] })) }));
}

// Shared notes are the same for every reader: serialised and encoded once per change, per process.
// The key is read from the database on every request (count and latest change of the article's
// shared notes), so a write through any instance is seen by every other at once.
type SharedEntry = { key: string; inner: Uint8Array };
const sharedCache = new Map<string, SharedEntry>();
const encoder = new TextEncoder();

async function sharedNotes(slug: string): Promise<SharedEntry> {
  const stamp = await db.annotation.aggregate({
    where: { article: slug, visibility: 'shared' },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const key = `${stamp._count._all}:${stamp._max.updatedAt?.getTime() ?? 0}`;
  const cached = sharedCache.get(slug);
  if (cached?.key === key) return cached;
  const inner = encoder.encode((await load({ article: slug, visibility: 'shared' })).map((item) => item.json).join(','));
  const entry = { key, inner };
  sharedCache.set(slug, entry);
  return entry;
}

/**
 * The annotations of an article a reader may see, as the chunks of the JSON body
 * `{ "annotations": [...] }`: every shared one (oldest first), then the reader's own private ones
 * (oldest first). The shared part is the same bytes for every request until a shared note changes.
 */
export async function listAnnotationsBody(slug: string, viewer: Viewer | null): Promise<Uint8Array[]> {
  requireArticle(slug);
  const [entry, own] = await Promise.all([
    sharedNotes(slug),
    viewer ? load({ article: slug, visibility: 'private', authorId: viewer.id }) : [],
  ]);
  const ownInner = encoder.encode(own.map((item) => item.json).join(','));
  const parts = [encoder.encode('{"annotations":['), entry.inner];
  if (entry.inner.length && ownInner.length) parts.push(encoder.encode(','));
  parts.push(ownInner, encoder.encode(']}'));
  return parts;
}
