import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { articleRevision } from './activity';
import { requireArticle } from './article-texts';
import { loadAnnotations, publicWhere } from './load-annotations';
import type { ApiAnnotation } from './serialize';

// Shared notes are the same for every reader: serialised and encoded once per change, per process.
// The key is the article's revision, read from the database on every request (one primary-key
// lookup) and bumped by every write others can see, so a write through any instance is seen by
// every other at once.
type SharedEntry = { revision: number; annotations: ApiAnnotation[]; inner: Uint8Array };
const sharedCache = new Map<string, SharedEntry>();
const encoder = new TextEncoder();

const joined = (annotations: ApiAnnotation[]) => annotations.map((a) => JSON.stringify(a)).join(',');

/** Loads being made, by article and revision: concurrent readers of a new revision share one. */
const loading = new Map<string, Promise<SharedEntry>>();

/** The shared, visible notes of an article, oldest first, cached per revision. */
export async function sharedAnnotations(slug: string): Promise<SharedEntry> {
  const revision = await articleRevision(slug);
  const cached = sharedCache.get(slug);
  if (cached?.revision === revision) return cached;
  // Under steady writes every revision is new to the readers that arrive with it: without sharing
  // the load, each of them would query and encode the whole list at once.
  const key = `${slug}\u0000${revision}`;
  let load = loading.get(key);
  if (!load) {
    load = loadAnnotations({ article: slug, ...publicWhere })
      .then((annotations) => {
        const entry = { revision, annotations, inner: encoder.encode(joined(annotations)) };
        const current = sharedCache.get(slug);
        if (!current || current.revision < revision) sharedCache.set(slug, entry);
        return entry;
      })
      .finally(() => loading.delete(key));
    loading.set(key, load);
  }
  return load;
}

/** The reader's own notes that are not in the shared list: private ones, and shared ones a moderator hid. */
export function ownUnlistedAnnotations(slug: string, viewer: Viewer): Promise<ApiAnnotation[]> {
  return loadAnnotations({
    article: slug,
    authorId: viewer.id,
    OR: [{ visibility: 'private' }, { visibility: 'shared', hiddenAt: { not: null } }],
  });
}

/**
 * The annotations of an article a reader may see, as the chunks of the JSON body
 * `{ "revision": n, "annotations": [...] }`: every shared one (oldest first), then the reader's own
 * unlisted ones. The shared part is the same bytes for every request until the revision changes.
 */
export async function listAnnotationsBody(slug: string, viewer: Viewer | null): Promise<Uint8Array[]> {
  requireArticle(slug);
  const [entry, own] = await Promise.all([sharedAnnotations(slug), viewer ? ownUnlistedAnnotations(slug, viewer) : []]);
  const ownInner = encoder.encode(joined(own));
  const parts = [encoder.encode(`{"revision":${entry.revision},"annotations":[`), entry.inner];
  if (entry.inner.length && ownInner.length) parts.push(encoder.encode(','));
  parts.push(ownInner, encoder.encode(']}'));
  return parts;
}
