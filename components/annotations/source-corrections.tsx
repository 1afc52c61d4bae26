'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';

/**
 * The translator's corrections of the source's slips, by sentence id (`<TranslatorNote correction>`
 * in en.mdx). The Chinese is verbatim, slips included: a quote of it goes out with the correction
 * (issue 15, docs/translation-notes.md). The English carries its own, in square brackets.
 */
export const SourceCorrectionsContext = createContext<Record<string, string>>({});

/** Under a note's quote of the Chinese: the corrections of the sentences it quotes, if any. */
export function QuoteCorrections({ annotation }: { annotation: Pick<ApiAnnotation, 'lang' | 'sentenceIds'> }) {
  const t = useTranslations('Annotations');
  const corrections = useContext(SourceCorrectionsContext);
  if (annotation.lang !== 'zh') return null;
  const found = annotation.sentenceIds.flatMap((id) => (corrections[id] ? [corrections[id]] : []));
  return found.map((text) => (
    <p key={text} className="note-correction" role="note">
      <span className="note-correction-label">{t('sourceCorrection')}</span> <span lang="en">{text}</span>
    </p>
  ));
}
