import { createHash } from 'node:crypto';
import { isArticleSlug } from '@/lib/content/article-files';
import { notFound } from '@/lib/errors/refusal';
import { blockPiece, type WordPiece } from './article-words';
import { readArticleWords } from './article-words-file';

const blockId = /^[a-z]\d{1,4}$/;

/**
 * The words of one block of an article, for the lookup card: a few kilobytes, so that a first
 * lookup never waits for the article's whole word list (issue 17). With an ETag of its content,
 * which changes only when the article's words.json does.
 */
// The word list is read once per process (article-words-file.ts), so each block's piece is made once too.
const made = new Map<string, { piece: WordPiece; etag: string }>();

export function wordPiece(slug: string, block: string): { piece: WordPiece; etag: string } {
  const words = isArticleSlug(slug) ? readArticleWords(slug) : undefined;
  const sentenceIds = blockId.test(block) ? words?.blocks[block] : undefined;
  if (!words || !sentenceIds) throw notFound('No such block, or it has no Chinese words');
  const key = `${slug}/${block}`;
  let answer = made.get(key);
  if (!answer) {
    const piece = blockPiece(words, sentenceIds);
    answer = { piece, etag: `"${createHash('sha256').update(JSON.stringify(piece)).digest('base64url').slice(0, 22)}"` };
    made.set(key, answer);
  }
  return answer;
}
