import { stringify } from 'csv-stringify/sync';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { alignedQuote } from './aligned-quote';

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
];

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula (leading blanks are skipped), so
 * such cells get an apostrophe, which spreadsheets show as text and hide.
 */
const inert = (cell: string) => (/^[=+\-@]/.test(cell.trimStart()) ? `'${cell}` : cell);

function rows(note: ApiAnnotation): string[][] {
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
  ]);
  return [noteRow, ...replyRows];
}

/** The notes and their replies as CSV for spreadsheets: a BOM and CRLF so Excel reads the Chinese as UTF-8. */
export function toCsv(annotations: ApiAnnotation[]): string {
  const records = [header, ...annotations.flatMap(rows).map((row) => row.map(inert))];
  // With a custom record delimiter csv-stringify would leave a bare \n unquoted; quote it too.
  return stringify(records, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}
