import type { WordEntry } from '@/lib/learning/article-words';
import type { LookupRequest } from './lookup-target';
import { sentenceText } from './sentence-text';
import { placeInSentence, stepWord, wordAt, wordPiece, type PlacedToken } from './word-pieces';

export type LookedUp = {
  sentence: Element;
  placed: PlacedToken[];
  token: PlacedToken;
  entry: WordEntry | undefined;
  english: string;
  /** Opened from the keyboard: the card takes the focus, and gives it back when closed. */
  byKeyboard: boolean;
};

function englishOf(sentence: Element): string {
  const id = (sentence as HTMLElement).dataset.sid ?? '';
  const english = document.querySelector(`.block[data-lang="en"] [data-sid="${CSS.escape(id)}"]`);
  return english ? sentenceText(english).trim() : '';
}

/** The word at the request's place, cut as the article's word list cuts it; from the keyboard, the next word when the caret is on none. */
export async function lookUp(slug: string, { sentence, offset, byKeyboard }: LookupRequest): Promise<LookedUp | undefined> {
  const block = sentence.closest<HTMLElement>('[data-block]')?.dataset.block;
  const id = (sentence as HTMLElement).dataset.sid;
  if (!block || !id) return;
  const piece = await wordPiece(slug, block);
  const placed = placeInSentence(sentence, piece.sentences[id] ?? []);
  const token =
    wordAt(placed, offset) ??
    (byKeyboard
      ? stepWord(
          placed,
          placed.findLastIndex((t) => t.end <= offset),
          1,
        )
      : undefined);
  if (!token) return;
  return { sentence, placed, token, entry: piece.words[token.text], english: englishOf(sentence), byKeyboard };
}
