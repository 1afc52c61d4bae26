import { useFormatter, useTranslations } from 'next-intl';
import type { EditorialVerdictView } from '@/lib/annotations/editorial';
import type { ArticleLang } from '@/lib/content/types';

/**
 * The editors' verdict on a claim, apart from the readers' votes: the rating, the reasoning in the
 * interface's language (else the other), the sources, who and when, and every earlier version.
 */
export function EditorialVerdict({
  verdict,
  history,
  locale,
}: {
  verdict: EditorialVerdictView;
  history: EditorialVerdictView[];
  locale: ArticleLang;
}) {
  const t = useTranslations('Claims');
  const format = useFormatter();
  const reasoningLang = verdict.reasoning[locale] ? locale : locale === 'zh' ? 'en' : 'zh';
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <section className={`editorial rating-${verdict.rating}`} aria-label={t('editorial')}>
      <p className="editorial-rating">
        <span className="editorial-badge">{t('ratingLabel', { rating: t(`ratings.${verdict.rating!}`) })}</span>
      </p>
      {verdict.reasoningHtml[reasoningLang] && (
        <div
          className="editorial-reasoning"
          lang={reasoningLang === 'zh' ? 'zh-Hans' : 'en'}
          dangerouslySetInnerHTML={{ __html: verdict.reasoningHtml[reasoningLang] }}
        />
      )}
      {verdict.sources.length > 0 && (
        <>
          <h4>{t('editorSources')}</h4>
          <ul className="editorial-sources">
            {verdict.sources.map((url) => (
              <li key={url}>
                <a href={url} rel="noopener nofollow">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="field-hint">
        {t('editorLine', { name: verdict.editor.name, date: when(verdict.createdAt), version: verdict.version })}
      </p>
      {history.length > 1 && (
        <details className="editorial-history">
          <summary>{t('history', { count: history.length })}</summary>
          <ol reversed>
            {history.map((version) => (
              <li key={version.version}>
                {version.rating ? t(`ratings.${version.rating}`) : t('withdrawn')} —{' '}
                {t('editorLine', { name: version.editor.name, date: when(version.createdAt), version: version.version })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
