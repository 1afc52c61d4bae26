import { createHash } from 'node:crypto';
import { isArticleSlug } from '@/lib/content/article-files';
import { notFound } from '@/lib/errors/refusal';
import { isWord, type WordPiece } from './article-words';
import { readArticleWords } from './article-words-file';

const blockId = /^[a-z]\d{1,4}$/;

/**
 * The words of one block of an article, for the lookup card: a few kilobytes, so that a first
 * lookup never waits for the article's whole word list (issue 17). With an ETag of its content,
 * which changes only when the article's words.json does.
 */
export function wordPiece(slug: string, block: string): { piece: WordPiece; etag: string } {
  const words = isArticleSlug(slug) ? readArticleWords(slug) : undefined;
  const sentenceIds = blockId.test(block) ? words?.blocks[block] : undefined;
  if (!words || !sentenceIds) throw notFound('No such block, or it has no Chinese words');
  const piece: WordPiece = { sentences: {}, words: {} };
  for (const id of sentenceIds) {
    const tokens = words.sentences[id] ?? [];
    piece.sentences[id] = tokens;
    for (const token of tokens) if (isWord(token)) piece.words[token[0]] = words.words[token[0]];
  }
  const etag = `"${createHash('sha256').update(JSON.stringify(piece)).digest('base64url').slice(0, 22)}"`;
  return { piece, etag };
}
