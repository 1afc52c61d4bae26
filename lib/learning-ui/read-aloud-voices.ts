/**
 * Which voices the device has for reading aloud, and so which modes it can offer: all the control
 * needs at the page's start (the player and read-aloud.ts load when the reader presses it).
 */
export const readAloudModes = ['zh', 'en', 'both'] as const;
export type ReadAloudMode = (typeof readAloudModes)[number];

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
