import { counterpartSentences } from '@/lib/anchoring/cross-language';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';

const otherLang = { zh: 'en', en: 'zh' } as const;

/**
 * The other language's text of the sentences a note is on ('' when that text has none of them):
 * English sentences joined by a space, Chinese ones run together.
 */
export function alignedQuote(annotation: Pick<ApiAnnotation, 'article' | 'lang' | 'sentenceIds'>): string {
  const lang = otherLang[annotation.lang];
  const other = articleCanonicalText(annotation.article, lang);
  return counterpartSentences(other, annotation.sentenceIds)
    .map((sentence) => other.text.slice(sentence.start, sentence.end))
    .join(lang === 'en' ? ' ' : '');
}
