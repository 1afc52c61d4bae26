import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { eachSavedWord, requireReader } from './saved-words';
import { parseWordExportFormat, wordExportChunks } from './word-export';

/** The reader's saved words as a download (`?format=tsv|csv`), streamed a page of rows at a time. */
export function exportSavedWords(viewer: Viewer | null, url: URL, origin: string) {
  const format = parseWordExportFormat(url.searchParams.get('format'));
  const reader = requireReader(viewer);
  return {
    mediaType: format === 'tsv' ? 'text/tab-separated-values; charset=utf-8' : 'text/csv; charset=utf-8',
    fileName: `my-words.${format}`,
    chunks: wordExportChunks(format, eachSavedWord(reader.id), origin),
  };
}
