import { stringify } from 'csv-stringify/sync';
import { excelCsv, inert } from '@/lib/exchange/csv';
import { invalidField } from '@/lib/errors/refusal';
import type { SavedWordView } from './saved-words';

/**
 * Saved words as a file: TSV that Anki imports as it is (its file headers name the separator, HTML
 * and the columns; front: the Chinese sentence with the word in bold; back: pinyin, definition, the
 * English sentence), or CSV for a spreadsheet.
 */
export const wordExportFormats = ['tsv', 'csv'] as const;
export type WordExportFormat = (typeof wordExportFormats)[number];

export function parseWordExportFormat(value: string | null): WordExportFormat {
  if (value === null || value === '') return 'tsv';
  if ((wordExportFormats as readonly string[]).includes(value)) return value as WordExportFormat;
  throw invalidField('format', `must be one of ${wordExportFormats.join(', ')}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A TSV field is one line without tabs. */
const field = (text: string) => text.replace(/[\t\r\n\u2028\u2029]+/g, ' ');

/** The Chinese sentence with the saved word marked, as HTML; the sentence as it was saved. */
export function markedSentence(word: SavedWordView): string {
  const { sentenceZh: sentence, start } = word;
  const at = sentence.slice(start, start + word.word.length) === word.word ? start : sentence.indexOf(word.word);
  if (at < 0) return escapeHtml(sentence);
  return `${escapeHtml(sentence.slice(0, at))}<b>${escapeHtml(word.word)}</b>${escapeHtml(sentence.slice(at + word.word.length))}`;
}

export const passageLink = (origin: string, word: Pick<SavedWordView, 'article' | 'sentenceId'>) =>
  `${origin}/zh/articles/${word.article}?view=zh#zh-${word.sentenceId.split('-')[0]}`;

const tsvColumns = ['Front', 'Back', 'Word', 'Pinyin', 'Definition', 'English', 'Link'];
const csvColumns = ['word', 'pinyin', 'definition', 'chinese sentence', 'english sentence', 'article', 'link', 'saved'];

export async function* wordExportChunks(
  format: WordExportFormat,
  words: AsyncIterable<SavedWordView>,
  origin: string,
): AsyncGenerator<string> {
  if (format === 'tsv') {
    yield `#separator:tab\n#html:true\n#columns:${tsvColumns.join('\t')}\n`;
    for await (const word of words) {
      const back = [word.pinyin, word.definition, word.sentenceEn].map(escapeHtml).join('<br>');
      const link = passageLink(origin, word);
      yield (
        [
          markedSentence(word),
          back,
          escapeHtml(word.word),
          escapeHtml(word.pinyin),
          escapeHtml(word.definition),
          escapeHtml(word.sentenceEn),
          link,
        ]
          .map(field)
          .join('\t') + '\n'
      );
    }
    return;
  }
  // As the notes' CSV: a BOM and CRLF, so that Excel reads the Chinese as UTF-8.
  yield stringify([csvColumns], { ...excelCsv, bom: true });
  for await (const word of words) {
    const row = [
      word.word,
      word.pinyin,
      word.definition,
      word.sentenceZh,
      word.sentenceEn,
      word.article,
      passageLink(origin, word),
      word.createdAt,
    ];
    yield stringify([row.map(inert)], excelCsv);
  }
}
