import { useTranslations } from 'next-intl';
import type { ClaimsQuery } from '@/lib/annotations/claims';

/** The address of another page of the same claims (the filters kept). */
function pageHref(query: ClaimsQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.consensus) params.set('consensus', query.consensus);
  if (query.section !== undefined) params.set('section', String(query.section));
  if (query.sort !== 'reading') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `?${search}` : '?';
}

export function ClaimsPager({ query, page, pages }: { query: ClaimsQuery; page: number; pages: number }) {
  const t = useTranslations('Claims');
  if (pages <= 1) return null;
  return (
    <nav className="claims-pager" aria-label={t('pages', { page, pages })}>
      {page > 1 && (
        <a href={pageHref(query, page - 1)} rel="prev">
          {t('previous')}
        </a>
      )}
      <span>{t('pages', { page, pages })}</span>
      {page < pages && (
        <a href={pageHref(query, page + 1)} rel="next">
          {t('next')}
        </a>
      )}
    </nav>
  );
}
