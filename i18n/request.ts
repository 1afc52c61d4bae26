import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // Articles are dated in Beijing time; a fixed zone keeps server and browser output identical.
    timeZone: 'Asia/Shanghai',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
