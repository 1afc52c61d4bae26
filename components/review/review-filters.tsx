'use client';

import { useTranslations } from 'next-intl';
import { annotationKinds, claimVerdicts } from '@/lib/annotations/schema';
import type { ArticleOutline } from '@/lib/review/outline';
import { noFilters, type ReviewFilters } from '@/lib/review/filter';

type Props = {
  filters: ReviewFilters;
  choices: { tags: string[]; authors: { id: string; name: string }[] };
  sections: ArticleOutline['sections'];
  locale: 'zh' | 'en';
  onChange: (filters: ReviewFilters) => void;
};

/** The search box and filter menus of the review page. */
export function ReviewFiltersForm({ filters, choices, sections, locale, onChange }: Props) {
  const t = useTranslations('Review');
  const a = useTranslations('Annotations');
  const set = (key: keyof ReviewFilters) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value });
  const menu = (key: keyof ReviewFilters, label: string, options: { value: string; label: string }[], any = true) => (
    <label>
      {label}
      <select value={filters[key]} onChange={set(key)}>
        {any && <option value="">{t('any')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="review-filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="review-search">
        {t('search')}
        <input type="search" value={filters.query} onChange={set('query')} />
      </label>
      {menu(
        'kind',
        t('kind'),
        annotationKinds.map((k) => ({ value: k, label: a(`kinds.${k}`) })),
      )}
      {menu(
        'verdict',
        t('verdict'),
        claimVerdicts.map((v) => ({ value: v, label: a(`verdicts.${v}`) })),
      )}
      {menu(
        'tag',
        t('tag'),
        choices.tags.map((tag) => ({ value: tag, label: tag })),
      )}
      {menu(
        'author',
        t('author'),
        choices.authors.map((au) => ({ value: au.id, label: au.name })),
      )}
      {menu('lang', t('language'), [
        { value: 'zh', label: t('zh') },
        { value: 'en', label: t('en') },
      ])}
      {menu(
        'section',
        t('section'),
        sections.map((s, i) => ({ value: String(i), label: s.title[locale] })),
      )}
      {menu(
        'order',
        t('order'),
        [
          { value: 'reading', label: t('reading') },
          { value: 'newest', label: t('newest') },
        ],
        false,
      )}
      <button type="button" className="link-button" onClick={() => onChange(noFilters)}>
        {t('clear')}
      </button>
    </form>
  );
}
