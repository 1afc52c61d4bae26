import type { ArticleLang } from '@/lib/content/types';

/** How an article is shown: one language, or both aligned. */
export const readingViews = ['zh', 'en', 'bilingual'] as const;
export type ReadingView = (typeof readingViews)[number];

/** The cookie that remembers a reader's last choice, so the server renders it without a flash. */
export const viewCookie = 'reader-view';

export function isReadingView(value: unknown): value is ReadingView {
  return typeof value === 'string' && (readingViews as readonly string[]).includes(value);
}

/** Without a choice, readers see the article in the language of the interface. */
export function defaultView(uiLocale: string): ReadingView {
  return uiLocale === 'en' ? 'en' : 'zh';
}

/** The language whose headings and anchors lead in a view. */
export function leadingLang(view: ReadingView): ArticleLang {
  return view === 'en' ? 'en' : 'zh';
}
