import { levelOf } from '@/lib/learning/reading-level';
import { adoptHighlightStyles } from '@/lib/site/highlight-styles';
import { rangeInSentence } from './sentence-text';
import { placeInSentence, wordPiece } from './word-pieces';

const highlightName = 'above-level';

/**
 * Underlines (CSS Custom Highlight API: the text itself is untouched) the Chinese words above
 * `level`, by their HSK level or their hardest character's (lib/learning/reading-level.ts). A block
 * is marked when it comes within a screen of the viewport, from the words the lookup fetches a
 * block at a time: what it costs follows what the reader reads. Returns the undoing.
 */
export function markWordsAbove(slug: string, level: number): () => void {
  if (typeof Highlight !== 'function') return () => {};
  const highlight = new Highlight();
  CSS.highlights.set(highlightName, highlight);
  let live = true;

  const mark = async (block: HTMLElement) => {
    const piece = await wordPiece(slug, block.dataset.block!).catch(() => undefined);
    if (!piece || !live) return;
    for (const sentence of block.querySelectorAll<HTMLElement>('[data-sid]')) {
      for (const token of placeInSentence(sentence, piece.sentences[sentence.dataset.sid!] ?? [])) {
        const wordLevel = token.pinyin === undefined ? undefined : levelOf(piece.words[token.text]);
        const range = wordLevel !== undefined && wordLevel > level && rangeInSentence(sentence, token.start, token.end);
        if (!range) continue;
        adoptHighlightStyles();
        highlight.add(range);
      }
    }
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void mark(entry.target as HTMLElement);
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const block of document.querySelectorAll<HTMLElement>('.block[data-lang="zh"][data-block]')) {
    if (block.querySelector('[data-sid]')) observer.observe(block);
  }
  return () => {
    live = false;
    observer.disconnect();
    CSS.highlights.delete(highlightName);
  };
}
