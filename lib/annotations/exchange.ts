import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db, publicReads } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/client';
import { isArticleSlug, listArticleSlugs } from '@/lib/content/article-files';
import type { EditorialOf } from '@/lib/exchange/editorial-of';
import { Refused } from '@/lib/errors/refusal';
import { exportFormats, exportMediaTypes, exportWriter, type ExportFormat } from '@/lib/exchange/export-formats';
import { parseAnnotationCollection, TooManyItems, type SkippedItem } from '@/lib/exchange/import-jsonld';
import { writePages } from '@/lib/exchange/page-writer';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { requireArticle } from './article-texts';
import { articleTitle } from '@/lib/content/article-titles';
import { articleLangs, type ArticleLang } from '@/lib/content/types';
import { exportLabels, type ExportLabels } from '@/lib/exchange/export-labels';

/** The day an export is made, as the file says it. */
const today = () => new Date().toISOString().slice(0, 10);
import { publishedVerdicts } from './editorial';
import { annotationPages, publicWhere } from './load-annotations';
import type { ApiAnnotation } from './serialize';
import { createAnnotation, requireViewer } from './service';

/** The `format` query parameter; 400 naming the formats there are when it is none of them. */
export function parseExportFormat(value: string | null): ExportFormat {
  if (exportFormats.includes(value as ExportFormat)) return value as ExportFormat;
  throw new Refused('invalid', `Invalid format: use one of ${exportFormats.join(', ')}.`, [
    { field: 'format', message: 'must be jsonld, md or csv' },
  ]);
}

/**
 * An export to send as a file (lib/http/download-response.ts): its text comes as chunks, a page of
 * notes at a time, as they are taken.
 */
export type AnnotationExport = { format: ExportFormat; mediaType: string; fileName: string; chunks: AsyncIterable<string> };

/**
 * The pages with the first one read now: a database that does not answer then fails the request
 * with a JSON 503 before any byte is sent, rather than cutting a download short.
 */
async function withFirstPageRead(pages: AsyncGenerator<ApiAnnotation[], void, undefined>): Promise<AsyncIterable<ApiAnnotation[]>> {
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}

/** The `lang` query parameter, the interface language a readable export is labelled in (English when absent). */
export function parseExportLang(value: string | null): ArticleLang {
  if (value === null) return 'en';
  if ((articleLangs as readonly string[]).includes(value)) return value as ArticleLang;
  throw new Refused('invalid', `Invalid lang: use one of ${articleLangs.join(', ')}.`, [{ field: 'lang', message: 'must be zh or en' }]);
}

type ExportOptions = {
  file: string;
  client: DatabaseClient;
  /** The title, in the labels' language. */
  label: (labels: ExportLabels, lang: ArticleLang) => string;
  /** Lines under the Markdown title, given the site's origin. */
  about?: (labels: ExportLabels, origin: string, lang: ArticleLang) => string[];
  /** Notes from several articles name their own. */
  manyArticles?: boolean;
  /** The articles the notes are on: their editorial verdicts go with the claims. */
  articles: string[];
};

/** The published editorial verdicts of the articles, read once per export, as a lookup for claim notes. */
async function editorialLookup(articles: string[]): Promise<EditorialOf> {
  const verdicts = new Map(await Promise.all(articles.map(async (slug) => [slug, await publishedVerdicts(slug)] as const)));
  return (note) => {
    if (note.kind !== 'claim') return undefined;
    const ofArticle = verdicts.get(note.article);
    const verdict = note.sentenceIds.map((id) => ofArticle?.get(id)).find((found) => found?.rating);
    return verdict?.rating ? { rating: verdict.rating, reasoning: verdict.reasoning, sentenceId: verdict.sentenceId } : undefined;
  };
}

/** Where an export was asked for: the site's public origin (for IRIs and links) and the address asked. */
export type ExportRequest = { origin: string; url: URL };

/** The notes matching `where`, oldest first, as a file in `format`; its IRIs and links on the site's public origin. */
async function exportOf(
  asked: ExportRequest,
  format: ExportFormat,
  where: Prisma.AnnotationWhereInput,
  options: ExportOptions,
): Promise<AnnotationExport> {
  const { origin } = asked;
  const { pathname, search, searchParams } = asked.url;
  const lang = parseExportLang(searchParams.get('lang'));
  const labels = exportLabels(lang);
  const { file, client } = options;
  const editorialOf = await editorialLookup(options.articles);
  const writer = exportWriter(
    format,
    { id: `${origin}${pathname}${search}`, label: options.label(labels, lang), origin, editorialOf },
    {
      lang,
      origin,
      about: options.about?.(labels, origin, lang) ?? [labels.exported(today(), origin)],
      articleTitle: options.manyArticles ? (slug) => articleTitle(slug, lang) : undefined,
    },
  );
  const pages = await withFirstPageRead(annotationPages(where, { client }));
  return { format, mediaType: exportMediaTypes[format], fileName: `${file}.${format}`, chunks: writePages(writer, pages) };
}

/** Every shared note of an article (with its thread), as JSON-LD, Markdown or CSV. */
export async function exportArticle(asked: ExportRequest, slug: string): Promise<AnnotationExport> {
  requireArticle(slug);
  const format = parseExportFormat(asked.url.searchParams.get('format'));
  return exportOf(
    asked,
    format,
    { article: slug, ...publicWhere },
    {
      label: (labels, lang) => labels.articleTitle(articleTitle(slug, lang)),
      about: (labels, origin, lang) => [`<${origin}/${lang}/articles/${slug}>`, labels.exported(today(), origin)],
      file: `${slug}-notes`,
      client: publicReads,
      articles: [slug],
    },
  );
}

/** The reader's own notes across articles (private, shared and hidden ones; not deleted placeholders). */
export async function exportOwn(asked: ExportRequest, viewer: Viewer | null): Promise<AnnotationExport> {
  const format = parseExportFormat(asked.url.searchParams.get('format'));
  const reader = requireViewer(viewer);
  return exportOf(
    asked,
    format,
    { authorId: reader.id, deletedAt: null },
    {
      label: (labels) => labels.myNotesTitle(reader.name),
      file: 'my-notes',
      client: db,
      manyArticles: true,
      articles: listArticleSlugs(),
    },
  );
}

/** Notes one import may hold (lib/http/route-table.ts sizes its body for this many). */
export const maxImportItems = 1000;
/** Annotations (notes and the replies an export carries with them) one import may hold. */
const maxImportAnnotations = 5 * maxImportItems;

/**
 * The reader's notes that an import could duplicate: on the same articles, starting where imported
 * ones start. Not every note the reader has (an empty import used to load them all, bodies included).
 */
function sameSpotNotes(authorId: string, notes: { article: string; target: { selector: { type: string; start?: number }[] } }[]) {
  if (notes.length === 0) return Promise.resolve([]);
  const starts = [
    ...new Set(
      notes.flatMap((note) =>
        note.target.selector.flatMap((s) => (s.type === 'TextPositionSelector' && s.start !== undefined ? [s.start] : [])),
      ),
    ),
  ];
  return db.annotation.findMany({
    where: { authorId, deletedAt: null, article: { in: [...new Set(notes.map((note) => note.article))] }, start: { in: starts } },
    select: { article: true, lang: true, kind: true, body: true, start: true, end: true, exact: true },
  });
}

/**
 * Asked before each note an import creates: 0 when the reader may write one more, else the seconds
 * to wait. The route counts each note against the reader's write limit with it, so one request
 * cannot create more notes than the reader could one by one.
 */
export type WriteAllowance = () => Promise<number>;

/** Same place, same words, same kind: a note the reader has already (a re-import, say). */
const fingerprint = (n: { article: string; lang: string; kind: string; body: string; start: number; end: number; exact: string }) =>
  JSON.stringify([n.article, n.lang, n.kind, n.body.trim(), n.start, n.end, n.exact]);

/**
 * Restores a reader's notes from a JSON-LD export: each note is re-validated and re-anchored against
 * the article as it is now, and created as the importing reader's own (each note is one atomic
 * write). Duplicates of notes the reader has, and items that cannot be placed, are reported, not stored.
 */
export async function importAnnotations(readBody: () => Promise<unknown>, viewer: Viewer | null, mayWrite: WriteAllowance = async () => 0) {
  if (!viewer) throw new Refused('signInNeeded', 'Sign in to import notes.');
  // What reading the body refuses (too large, not JSON) is the route layer's answer, passed on as it is.
  const body = await readBody();
  let parsed: ReturnType<typeof parseAnnotationCollection>;
  try {
    parsed = parseAnnotationCollection(body, { maxItems: maxImportAnnotations });
  } catch (error) {
    if (error instanceof TooManyItems) throw new Refused('tooLarge', `${error.message} Split the file.`);
    throw new Refused('invalid', `Not a Web Annotation export: ${(error as Error).message}`);
  }
  if (parsed.notes.length > maxImportItems) throw new Refused('tooLarge', `At most ${maxImportItems} notes per import; split the file.`);

  const seen = new Set((await sameSpotNotes(viewer.id, parsed.notes)).map(fingerprint));
  const skipped: SkippedItem[] = [...parsed.skipped];
  const created: string[] = [];
  let waitSeconds = 0;
  let noteStarted = performance.now();
  for (const [index, note] of parsed.notes.entries()) {
    // SQLite answers synchronously, so without a pause the whole import would run as one chain of
    // promises and every other request would wait for it (5 s for 1,000 notes, bench:hostile). A
    // pause twice as long as the last note took leaves the server two thirds of its time for
    // everyone else: an import of 1,000 notes takes about 10 s here, and no request waits behind
    // more than one note.
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 * (performance.now() - noteStarted))));
    noteStarted = performance.now();
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
    } else if (waitSeconds > 0 || (waitSeconds = await mayWrite()) > 0) {
      skipped.push({
        index,
        id: sourceId,
        reason: `not imported: you have reached the limit on new notes for now; import the same file again in ${waitSeconds} seconds (notes already imported are skipped)`,
      });
    } else {
      try {
        created.push((await createAnnotation(article, async () => input, viewer)).id);
        seen.add(key);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        skipped.push({ index, id: sourceId, reason: error.message });
      }
    }
  }
  return { created: created.length, ids: created, skipped: skipped.sort((a, b) => a.index - b.index) };
}
