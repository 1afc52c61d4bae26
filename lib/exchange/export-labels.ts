import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { ArticleLang } from '@/lib/content/types';

/**
 * The words of a human-readable export in the reader's interface language, taken from the same
 * messages as the pages (one vocabulary: a verdict reads the same in the file as on the screen).
 */
export function exportLabels(lang: ArticleLang) {
  const messages = lang === 'zh' ? zh : en;
  const { Annotations: a, Export: x } = messages;
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return {
    kinds: a.kinds,
    verdicts: a.verdicts,
    visibility: { private: a.private, shared: a.shared },
    resolved: a.resolved,
    deleted: a.deletedNote,
    article: x.article,
    tags: x.tags,
    source: x.source,
    replies: x.replies,
    viewInArticle: x.viewInArticle,
    /** The languages' names as the quotes are headed: each in its own script, whatever the interface. */
    langs: { zh: '中文', en: 'English' } as const,
    /** Punctuation differs too: 论断：不实（已解决）, Claim: False (Resolved). */
    colon: lang === 'zh' ? '：' : ': ',
    aside: (text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`),
    articleTitle: (title: string) => fill(x.articleTitle, { title }),
    myNotesTitle: (name: string) => fill(x.myNotesTitle, { name }),
    exported: (date: string, site: string) => fill(x.exported, { date, site }),
  };
}

export type ExportLabels = ReturnType<typeof exportLabels>;
