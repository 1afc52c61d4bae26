import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { isArticleSlug } from '@/lib/content/article-files';
import { ApiError } from '@/lib/http/api-error';
import { toCsv } from '@/lib/exchange/csv';
import { parseAnnotationCollection, type SkippedItem } from '@/lib/exchange/import-jsonld';
import { toAnnotationCollection } from '@/lib/exchange/jsonld';
import { toMarkdown } from '@/lib/exchange/markdown';
import { requireArticle } from './article-texts';
import { sharedAnnotations } from './list-annotations';
import { listOwnAnnotations } from './own-annotations';
import type { ApiAnnotation } from './serialize';
import { createAnnotation } from './service';

export const exportFormats = ['jsonld', 'md', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function parseExportFormat(value: string | null): ExportFormat {
  if (exportFormats.includes(value as ExportFormat)) return value as ExportFormat;
  throw new ApiError(400, `Invalid format: use one of ${exportFormats.join(', ')}.`, [
    { field: 'format', message: 'must be jsonld, md or csv' },
  ]);
}

const contentTypes: Record<ExportFormat, string> = {
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** An export as a download: body, type and file name. */
function exportResponse(
  annotations: ApiAnnotation[],
  format: ExportFormat,
  options: { url: string; origin: string; label: string; file: string },
) {
  const body =
    format === 'jsonld'
      ? JSON.stringify(toAnnotationCollection(annotations, { id: options.url, label: options.label, origin: options.origin }), null, 2)
      : format === 'md'
        ? toMarkdown(annotations, { title: options.label })
        : toCsv(annotations);
  return new Response(body, {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="${options.file}.${format === 'jsonld' ? 'jsonld' : format}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** The public origin IRIs are made of: BETTER_AUTH_URL when set (behind a proxy), else the request's. */
const originOf = (request: Request) => process.env.BETTER_AUTH_URL?.replace(/\/$/, '') ?? new URL(request.url).origin;

/** Every shared note of an article (with its thread), as JSON-LD, Markdown or CSV. */
export async function exportArticle(request: Request, slug: string): Promise<Response> {
  requireArticle(slug);
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  const { annotations } = await sharedAnnotations(slug);
  return exportResponse(annotations, format, {
    url: request.url,
    origin: originOf(request),
    label: `Shared notes on ${slug}`,
    file: `${slug}-notes`,
  });
}

/** The reader's own notes across articles. */
export async function exportOwn(request: Request, viewer: Viewer | null): Promise<Response> {
  const format = parseExportFormat(new URL(request.url).searchParams.get('format'));
  const annotations = await listOwnAnnotations(viewer);
  return exportResponse(annotations, format, {
    url: request.url,
    origin: originOf(request),
    label: `Notes by ${viewer!.name}`,
    file: 'my-notes',
  });
}

export const maxImportItems = 5000;

/** Same place, same words, same kind: a note the reader has already (a re-import, say). */
const fingerprint = (n: { article: string; lang: string; kind: string; body: string; start: number; end: number; exact: string }) =>
  JSON.stringify([n.article, n.lang, n.kind, n.body.trim(), n.start, n.end, n.exact]);

/**
 * Restores a reader's notes from a JSON-LD export: each note is re-validated and re-anchored against
 * the article as it is now, and created as the importing reader's own (each note is one atomic
 * write). Duplicates of notes the reader has, and items that cannot be placed, are reported, not stored.
 */
export async function importAnnotations(readBody: () => Promise<unknown>, viewer: Viewer | null) {
  if (!viewer) throw new ApiError(401, 'Sign in to import notes.');
  let parsed: ReturnType<typeof parseAnnotationCollection>;
  try {
    parsed = parseAnnotationCollection(await readBody());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, `Not a Web Annotation export: ${(error as Error).message}`);
  }
  if (parsed.notes.length > maxImportItems) throw new ApiError(413, `At most ${maxImportItems} notes per import; split the file.`);

  const existing = await db.annotation.findMany({
    where: { authorId: viewer.id, deletedAt: null },
    select: { article: true, lang: true, kind: true, body: true, start: true, end: true, exact: true },
  });
  const seen = new Set(existing.map(fingerprint));
  const skipped: SkippedItem[] = [...parsed.skipped];
  const created: string[] = [];
  for (const [index, note] of parsed.notes.entries()) {
    const { sourceId, article, ...input } = note;
    const [quote, position] = [
      input.target.selector.find((s) => s.type === 'TextQuoteSelector'),
      input.target.selector.find((s) => s.type === 'TextPositionSelector'),
    ];
    const key = fingerprint({
      article,
      lang: input.lang,
      kind: input.kind,
      body: input.body,
      start: position?.start ?? -1,
      end: position?.end ?? -1,
      exact: quote?.exact ?? '',
    });
    if (!isArticleSlug(article)) {
      skipped.push({ index, id: sourceId, reason: `no article "${article}" here` });
    } else if (seen.has(key)) {
      skipped.push({ index, id: sourceId, reason: 'duplicate of a note you already have' });
    } else {
      try {
        created.push((await createAnnotation(article, async () => input, viewer)).id);
        seen.add(key);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        skipped.push({ index, id: sourceId, reason: error.message });
      }
    }
  }
  return { created: created.length, ids: created, skipped: skipped.sort((a, b) => a.index - b.index) };
}
