import { caretAt, offsetInSentence } from './sentence-text';

/** What the reader asked to look up: a place in a Chinese sentence, and how they asked. */
export type LookupRequest = { sentence: Element; offset: number; byKeyboard: boolean; since: number };

export const chineseSentence = '.block[data-lang="zh"] [data-sid]';

/** The Chinese sentence and offset under a click; undefined off Chinese text (English gets no lookup). */
export function lookupAtPoint(event: MouseEvent): LookupRequest | undefined {
  if (!(event.target instanceof Element)) return;
  const sentence = event.target.closest(chineseSentence);
  // A click on a word's pinyin (its <rt>, which holds no text) looks up that word.
  const word = event.target.closest('ruby')?.firstChild;
  const caret =
    sentence && (event.target.closest('rt') && word instanceof Text ? { node: word, offset: 0 } : caretAt(event.clientX, event.clientY));
  const offset = sentence && caret ? offsetInSentence(sentence, caret.node, caret.offset) : undefined;
  return sentence && offset !== undefined ? { sentence, offset, byKeyboard: false, since: event.timeStamp } : undefined;
}

/**
 * The place at the caret or the start of the selection when it is in Chinese text; else the first
 * Chinese sentence on screen, so that the key works for a reader who has put no caret anywhere.
 */
export function lookupAtCaret(since: number): LookupRequest | undefined {
  const selection = document.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
  const node = range?.startContainer;
  const sentence = node && (node instanceof Element ? node : node.parentElement)?.closest(chineseSentence);
  const offset = range && sentence ? offsetInSentence(sentence, range.startContainer, range.startOffset) : undefined;
  if (sentence && offset !== undefined) return { sentence, offset, byKeyboard: true, since };
  const onScreen = [...document.querySelectorAll(chineseSentence)].find((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.bottom > 80 && box.top < innerHeight;
  });
  return onScreen && { sentence: onScreen, offset: 0, byKeyboard: true, since };
}
