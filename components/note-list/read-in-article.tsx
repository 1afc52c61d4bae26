'use client';

import { useTranslations } from 'next-intl';
import type { ArticleLang } from '@/lib/content/types';

/** The link from a listed note to its place in the article; none for an orphan, which has no place there. */
export function ReadInArticle({ locale, note }: { locale: ArticleLang; note: { id: string; article: string; orphaned?: boolean } }) {
  const a = useTranslations('Annotations');
  if (note.orphaned) return null;
  return <a href={`/${locale}/articles/${note.article}#annotation-${note.id}`}>{a('readInArticle')}</a>;
}
