'use client';

import { useTranslations } from 'next-intl';
import { annotationKinds, claimVerdicts } from '@/lib/annotations/vocabulary';
import { sectionTitle, type ArticleOutline } from '@/lib/review/outline';
import { noFilters, type ReviewFilters } from '@/lib/review/filter';
import type { ArticleLang } from '@/lib/content/types';

type Props = {
  filters: ReviewFilters;
  /** Without `authors`, no author menu (the reader's own notes). */
  choices: { tags: string[]; authors?: { id: string; name: string }[] };
  /** Without sections (notes from several articles), no section menu. */
  sections?: ArticleOutline['sections'];
  locale: ArticleLang;
  onChange: (filters: ReviewFilters) => void;
  /** Adds the private/shared menu, for the reader's own notes. */
  withVisibility?: boolean;
};

/** The search box and filter menus of the review page and of "My notes". */
export function ReviewFiltersForm({ filters, choices, sections, locale, onChange, withVisibility = false }: Props) {
  const t = useTranslations('Review');
  const a = useTranslations('Annotations');
  const set = (key: keyof ReviewFilters) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value });
  const menu = (key: keyof ReviewFilters, label: string, options: { value: string; label: string }[], any = true) => (
    <label>
      {label}
      <select value={filters[key] ?? ''} onChange={set(key)}>
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
      {choices.authors &&
        menu(
          'author',
          t('author'),
          choices.authors.map((au) => ({ value: au.id, label: au.name })),
        )}
      {menu('lang', t('language'), [
        { value: 'zh', label: t('zh') },
        { value: 'en', label: t('en') },
      ])}
      {withVisibility &&
        menu('visibility', a('visibility'), [
          { value: 'private', label: a('private') },
          { value: 'shared', label: a('shared') },
        ])}
      {sections &&
        menu(
          'section',
          t('section'),
          sections.map((s, i) => ({ value: String(i), label: sectionTitle(s, locale, t('opening')) })),
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
