import { useTranslations } from 'next-intl';
import { consensusValues, type ClaimsQuery } from '@/lib/annotations/claims';

/** The claims view's filters as a plain GET form: it works before (or without) JavaScript. */
export function ClaimsFilters({ query, sections }: { query: ClaimsQuery; sections: string[] }) {
  const t = useTranslations('Claims');
  return (
    <form method="get" className="claims-filters" aria-label={t('filters')}>
      <label>
        {t('consensus')}
        <select name="consensus" defaultValue={query.consensus ?? ''}>
          <option value="">{t('any')}</option>
          {consensusValues.map((value) => (
            <option key={value} value={value}>
              {t(`consensusValues.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('section')}
        <select name="section" defaultValue={query.section ?? ''}>
          <option value="">{t('any')}</option>
          {sections.map((name, index) => (
            <option key={index} value={index}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sort')}
        <select name="sort" defaultValue={query.sort}>
          <option value="reading">{t('sorts.reading')}</option>
          <option value="contested">{t('sorts.contested')}</option>
        </select>
      </label>
      <button type="submit">{t('apply')}</button>
    </form>
  );
}
