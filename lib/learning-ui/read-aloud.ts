import { sentenceText } from './sentence-text';

/**
 * Reading the article aloud sentence by sentence (issue 17): what is said, in which voice, in what
 * order. Browser speech (`speechSynthesis`) with the voices the device has.
 */
export const readAloudModes = ['zh', 'en', 'both'] as const;
export type ReadAloudMode = (typeof readAloudModes)[number];
export const readAloudRates = [0.75, 1, 1.25, 1.5] as const;

export type Voices = { zh?: SpeechSynthesisVoice; en?: SpeechSynthesisVoice };

/** The device's best Chinese (Mandarin, Simplified first) and English voices, if it has any. */
export function pickVoices(voices: readonly SpeechSynthesisVoice[]): Voices {
  const lang = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace('_', '-');
  const zh = voices.filter((voice) => lang(voice).startsWith('zh') || lang(voice).startsWith('cmn'));
  const en = voices.filter((voice) => lang(voice).startsWith('en'));
  const best = (list: SpeechSynthesisVoice[], preferred: string[]) =>
    preferred.map((tag) => list.find((voice) => lang(voice) === tag)).find(Boolean) ?? list.find((voice) => voice.default) ?? list[0];
  return { zh: best(zh, ['zh-cn', 'cmn-cn', 'zh-sg', 'zh-tw']), en: best(en, ['en-gb', 'en-us']) };
}

/** The modes the device can speak: Chinese with a Chinese voice, English with an English one, both with both. */
export const modesFor = (voices: Voices): ReadAloudMode[] =>
  readAloudModes.filter((mode) => (mode === 'both' ? voices.zh && voices.en : voices[mode]));

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
