'use client';

import { useTranslations } from 'next-intl';
import type { ArticleLang } from '@/lib/content/types';

/** The link from a listed note to its place in the article. */
export function ReadInArticle({ locale, note }: { locale: ArticleLang; note: { id: string; article: string } }) {
  const a = useTranslations('Annotations');
  return <a href={`/${locale}/articles/${note.article}#annotation-${note.id}`}>{a('readInArticle')}</a>;
}
