import type { SavedWord } from '@/lib/learning-ui/saved-words-client';

/** A saved word as My words and the review's answer show it: the word, its pinyin, its definition. */
export function SavedWordHead({ word, className }: { word: SavedWord; className: string }) {
  return (
    <>
      <p className={className}>
        <span className="saved-word-word" lang="zh-Hans">
          {word.word}
        </span>{' '}
        <span className="saved-word-pinyin">{word.pinyin}</span>
      </p>
      <p className="saved-word-definition">{word.definition}</p>
    </>
  );
}
