import { stringify } from 'csv-stringify/sync';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { alignedQuote } from './aligned-quote';
import type { EditorialOf } from './editorial-of';
import { once, writeAll, type PageWriter } from './page-writer';

const header = [
  'id',
  'type',
  'parent id',
  'article',
  'lang',
  'kind',
  'verdict',
  'visibility',
  'author',
  'created',
  'updated',
  'quote',
  'aligned quote',
  'body',
  'tags',
  'source URL',
  'resolved',
  // Translations: the suggested wording, its language, and where it stands.
  'suggestion',
  'suggestion lang',
  'suggestion state',
  // Claims: the editors' published verdict on the sentence (issue 16).
  'editorial verdict',
];

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula (leading blanks are skipped), so
 * such cells get an apostrophe, which spreadsheets show as text and hide.
 */
export const inert = (cell: string) => (/^[=+\-@]/.test(cell.trimStart()) ? `'${cell}` : cell);

function rows(note: ApiAnnotation, editorialOf?: EditorialOf): string[][] {
  const noteRow = [
    note.id,
    'note',
    '',
    note.article,
    note.lang,
    note.kind,
    note.verdict ?? '',
    note.visibility,
    note.author.name,
    note.createdAt,
    note.updatedAt,
    note.target.selector[0].exact,
    alignedQuote(note),
    note.body,
    note.tags.join(';'),
    note.sourceUrl ?? '',
    String(note.resolved),
    note.suggestion?.text ?? '',
    note.suggestion?.lang ?? '',
    note.suggestion?.state ?? '',
    editorialOf?.(note)?.rating ?? '',
  ];
  // A reply repeats its note's article and language, so rows can be filtered by either.
  const replyRows = note.replies.map((reply) => [
    reply.id,
    'reply',
    note.id,
    note.article,
    note.lang,
    '',
    reply.verdict ?? '',
    '',
    reply.author.name,
    reply.createdAt,
    reply.updatedAt,
    '',
    '',
    reply.body,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  return [noteRow, ...replyRows];
}

/** A page's notes and their replies as rows, with nothing a spreadsheet would run. */
const records = (notes: ApiAnnotation[], editorialOf?: EditorialOf) =>
  notes.flatMap((note) => rows(note, editorialOf)).map((row) => row.map(inert));

// A BOM and CRLF so Excel reads the Chinese as UTF-8. With a custom record delimiter csv-stringify
// would leave a bare \n unquoted; quote it too.
export const excelCsv = { record_delimiter: 'windows', quote_record_delimiter: true } as const;

/** Writes the CSV a page at a time: the BOM and header once, then a row per note followed by one per reply. */
export function csvWriter(editorialOf?: EditorialOf): PageWriter {
  const head = once(stringify([header], { ...excelCsv, bom: true }));
  return {
    page: (notes) => head() + (notes.length > 0 ? stringify(records(notes, editorialOf), excelCsv) : ''),
    end: () => head(),
  };
}

/** The notes and their replies as CSV for spreadsheets (see `csvWriter`). */
export function toCsv(annotations: ApiAnnotation[]): string {
  return writeAll(csvWriter(), annotations);
}
