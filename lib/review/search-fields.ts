import type { ArticleOutline } from './outline';
import type { ArticleLang } from '@/lib/content/types';

/** What a note's place in the review depends on: its passage, text, tags, author and thread. */
export type SearchableNote = {
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string[];
  exact: string;
  start: number;
  body: string;
  /** A translation's suggested wording. */
  suggestion?: string | null;
  tags: string[];
  authorName: string;
  replies: { body: string; authorName: string }[];
};

const otherLang = (lang: ArticleLang) => (lang === 'zh' ? 'en' : 'zh');

/** The sentences a note spans, in the other language. */
export function alignedText(note: Pick<SearchableNote, 'lang' | 'sentenceIds'>, outline: ArticleOutline): string {
  const other = otherLang(note.lang);
  return note.sentenceIds
    .map((id) => outline.sentences[id]?.[other] ?? '')
    .filter(Boolean)
    .join(other === 'zh' ? '' : ' ');
}

/**
 * `%`, `_` and `\` mean something to SQL's LIKE (which the server's search runs on): in stored text
 * and in query words alike they become characters of the private-use area, so a search for them finds
 * them literally, in the browser and on the server.
 */
const likeSafe = (text: string) => text.replace(/[%_\\]/g, (c) => ({ '%': '\uE000', _: '\uE001', '\\': '\uE002' })[c]!);

/**
 * What the review's search looks through and how it orders, for one note: the same on the server
 * (stored with the note: Annotation.searchText, readingOrder) and in the browser (lib/review/filter.ts),
 * so a search gives the same notes wherever it runs.
 *  - `searchText`: the quote, its aligned text in the other language, the note, a suggested
 *    translation, tags, author and replies, lower case; every word of a query must appear in it (substrings: 算力, 亿 and "capex" alike).
 *  - `readingOrder`: the block's place in the article, then the place in the block (position offsets
 *    differ between languages, so they only order notes of one block).
 */
export function searchFields(note: SearchableNote, outline: ArticleOutline): { searchText: string; readingOrder: number; section: number } {
  const block = outline.blocks[note.blockId];
  const searchText = [
    note.exact,
    alignedText(note, outline),
    note.body,
    note.suggestion ?? '',
    note.tags.join(' '),
    note.authorName,
    ...note.replies.map((reply) => `${reply.body} ${reply.authorName}`),
  ]
    .join('\n')
    .toLowerCase();
  return {
    searchText: likeSafe(searchText),
    readingOrder: (block?.order ?? 0) * 1_000_000 + Math.min(note.start, 999_999),
    section: block?.section ?? 0,
  };
}

/** The words of a query: lower case, split at spaces; each must appear. */
export const queryWords = (query: string) => likeSafe(query.toLowerCase()).split(/\s+/).filter(Boolean);
