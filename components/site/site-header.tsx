import { getLocale, getTranslations } from 'next-intl/server';
import { AccountMenu } from '@/components/account/account-menu';
import { LocaleSwitcher } from './locale-switcher';

/** The bar at the top of every page; `path` is the current page without its locale, for the switch. */
export async function SiteHeader({ path }: { path: string }) {
  const locale = await getLocale();
  const t = await getTranslations('Site');
  return (
    <header className="site-header">
      <a className="site-name" href={`/${locale}`}>
        {t('name')}
      </a>
      <div className="site-nav">
        <a href={`/${locale}/about`}>{t('about')}</a>
        <AccountMenu locale={locale} path={path} />
        <LocaleSwitcher path={path} />
      </div>
    </header>
  );
}
