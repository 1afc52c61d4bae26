import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { brotliWithTail, compressBrotliHead, type BrotliHead } from '@/lib/http/brotli-parts';
import type { ContentCoding } from '@/lib/http/content-coding';
import { compressHead, gzipWithTail, type CompressedHead } from '@/lib/http/gzip-parts';
import { articleRevision } from './activity';
import { requireArticle } from './article-texts';
import { loadAnnotations, publicWhere } from './load-annotations';
import { readListState } from './list-state';
import type { ApiAnnotation } from './serialize';

// Shared notes are the same for every reader: serialised and encoded once per change, per process.
// The key is the article's revision, read from the database on every request (one primary-key
// lookup) and bumped by every write others can see, so a write through any instance is seen by
// every other at once.
type SharedEntry = {
  revision: number;
  annotations: ApiAnnotation[];
  /** The start of every list body at this revision: `{"revision":n,"annotations":[` and the shared notes. */
  head: Uint8Array;
  /** The head compressed, in each coding on the first request that takes it, kept with the entry. */
  compressedHead: { gzip?: Promise<CompressedHead>; br?: Promise<BrotliHead> };
};
const sharedCache = new Map<string, SharedEntry>();
const encoder = new TextEncoder();

const joined = (annotations: ApiAnnotation[]) => annotations.map((a) => JSON.stringify(a)).join(',');

/** Loads being made, by article and revision: concurrent readers of a new revision share one. */
const loading = new Map<string, Promise<SharedEntry>>();

/** The shared, visible notes of an article, oldest first, cached per revision. */
export async function sharedAnnotations(slug: string): Promise<SharedEntry> {
  return sharedAnnotationsAt(slug, await articleRevision(slug));
}

/** The shared notes at a revision just read from the database. */
function sharedAnnotationsAt(slug: string, revision: number): Promise<SharedEntry> {
  const cached = sharedCache.get(slug);
  if (cached?.revision === revision) return Promise.resolve(cached);
  // Under steady writes every revision is new to the readers that arrive with it: without sharing
  // the load, each of them would query and encode the whole list at once.
  const key = `${slug}\u0000${revision}`;
  let load = loading.get(key);
  if (!load) {
    load = loadAnnotations({ article: slug, ...publicWhere })
      .then((annotations) => {
        const head = encoder.encode(`{"revision":${revision},"annotations":[${joined(annotations)}`);
        const entry: SharedEntry = { revision, annotations, head, compressedHead: {} };
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
  // Two whole conditions joined by OR, so each is a range of the (authorId, article, visibility,
  // hiddenAt) index; with the common part outside the OR, SQLite scanned every note of the reader on
  // the article, on every list request.
  const own = { article: slug, authorId: viewer.id };
  return loadAnnotations({
    OR: [
      { ...own, visibility: 'private' },
      { ...own, visibility: 'shared', hiddenAt: { not: null } },
    ],
  });
}

export type ListBody = { chunks: Uint8Array[]; coding: ContentCoding | null };

/**
 * A reader's own part longer than this goes out gzip (deflated per request) rather than brotli, whose
 * per-request part can only be sent uncompressed (lib/http/brotli-parts.ts). Most readers' own part
 * is `]}`; this is about a dozen private notes.
 */
const brotliTailLimit = 16 * 1024;

/**
 * The annotations of an article a reader may see, as the JSON body `{ "revision": n, "annotations":
 * [...] }`: every shared one (oldest first), then the reader's own unlisted ones. The shared part is
 * the same bytes for every request until the revision changes, and so are its compressed forms: a
 * client that takes brotli or gzip (`codings`, best first) gets it kept compressed, with only the
 * reader's own part added per request (a 1,000-note list is about 900 KB of JSON, 140 KB of gzip and
 * 90 KB of brotli; compressing it for every request cost more than everything else the request does).
 */
export async function listAnnotationsBody(slug: string, viewer: Viewer | null, { codings }: { codings: ContentCoding[] }): Promise<ListBody> {
  requireArticle(slug);
  const { revision, hasUnlisted } = await readListState(db, slug, viewer?.id ?? null);
  const [entry, own] = await Promise.all([sharedAnnotationsAt(slug, revision), viewer && hasUnlisted ? ownUnlistedAnnotations(slug, viewer) : []]);
  // A reader's own notes follow the shared ones after a comma, when there are both.
  const tail = encoder.encode(`${entry.annotations.length && own.length ? ',' : ''}${joined(own)}]}`);
  // The client's best coding; brotli gives way to gzip when the reader's own part is long.
  const coding = codings.find((c) => c !== 'br' || tail.length <= brotliTailLimit || !codings.includes('gzip')) ?? null;
  if (coding === 'br') {
    entry.compressedHead.br ??= compressBrotliHead(entry.head);
    return { chunks: brotliWithTail(await entry.compressedHead.br, tail), coding };
  }
  if (coding === 'gzip') {
    entry.compressedHead.gzip ??= compressHead(entry.head);
    return { chunks: gzipWithTail(await entry.compressedHead.gzip, tail), coding };
  }
  return { chunks: [entry.head, tail], coding: null };
}
