import type { ReadAloudMode } from './read-aloud-voices';
import { sentenceText } from './sentence-text';

/**
 * Reading the article aloud sentence by sentence (issue 17): what is said, in which voice, in what
 * order. Browser speech (`speechSynthesis`) with the voices the device has (read-aloud-voices.ts).
 */
export const readAloudRates = [0.75, 1, 1.25, 1.5] as const;

/** The article's sentence ids in reading order (the Chinese blocks hold every sentence, in every view). */
export const sentenceOrder = (root: ParentNode = document): string[] =>
  [...root.querySelectorAll<HTMLElement>('.block[data-lang="zh"] [data-sid]')].map((element) => element.dataset.sid!);

export const sentenceElement = (id: string, lang: 'zh' | 'en') =>
  document.querySelector<HTMLElement>(`.block[data-lang="${lang}"] [data-sid="${CSS.escape(id)}"]`);

/** What is said for one sentence in a mode: its Chinese, its English, or the Chinese then the English. */
export function utterancesOf(id: string, mode: ReadAloudMode): { lang: 'zh' | 'en'; text: string }[] {
  const langs: ('zh' | 'en')[] = mode === 'both' ? ['zh', 'en'] : [mode];
  return langs.flatMap((lang) => {
    const element = sentenceElement(id, lang);
    const text = element ? sentenceText(element).trim() : '';
    return text ? [{ lang, text }] : [];
  });
}
