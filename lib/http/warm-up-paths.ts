import { listArticleSlugs } from '@/lib/content/article-files';
import { readingViews } from '@/lib/reader/views';
import { routing } from '@/i18n/routing';

/** What a new server process asks itself for (warm-up.ts): every article's pages in each UI language and view, its summary and notes. */
export function warmUpPaths(): string[] {
  return listArticleSlugs().flatMap((slug) => [
    ...routing.locales.flatMap((locale) => readingViews.map((view) => `/${locale}/articles/${slug}?view=${view}`)),
    `/api/articles/${slug}/summary`,
    `/api/articles/${slug}/annotations`,
  ]);
}
