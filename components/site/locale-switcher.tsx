import { getLocale, getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import { htmlLang } from '@/lib/content/types';

/**
 * Plain links to the same page in the other interface language. The reading view travels in its
 * cookie, so the reader lands on the same article in the same view. Each link's name says it is the
 * interface ("English interface"), so it is never confused with the reading view's "English".
 */
export async function LocaleSwitcher({ path }: { path: string }) {
  const current = await getLocale();
  const t = await getTranslations('LocaleSwitcher');
  return (
    <nav className="locale-switcher" aria-label={t('label')}>
      {/* Seen, it groups the links apart from the reading view's; heard, the nav's label says it. */}
      <span className="locale-caption" aria-hidden="true">
        {t('caption')}
      </span>
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${path === '/' ? '' : path}`}
              hrefLang={htmlLang[locale]}
              lang={htmlLang[locale]}
              aria-current={locale === current ? 'true' : undefined}
              // Named in its own language, and apart from the reading view's "English" / "中文".
              aria-label={t(`${locale}Name`)}
            >
              {t(locale)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
