import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import {
  annotationKinds,
  claimVerdicts,
  editorialRatings,
  type AnnotationKind,
  type ClaimVerdict,
  type EditorialRating,
} from '@/lib/annotations/vocabulary';
import type { ArticleLang } from '@/lib/content/types';

/**
 * The words of a human-readable export in the reader's interface language, taken from the same
 * messages as the pages (one vocabulary: a verdict reads the same in the file as on the screen).
 * Read through a translator, never as raw JSON: the build compiles the messages (next.config.mjs).
 */
export function exportLabels(lang: ArticleLang) {
  const messages = lang === 'zh' ? zh : en;
  const a = createTranslator({ locale: lang, messages, namespace: 'Annotations' });
  const x = createTranslator({ locale: lang, messages, namespace: 'Export' });
  const c = createTranslator({ locale: lang, messages, namespace: 'Claims' });
  return {
    kinds: Object.fromEntries(annotationKinds.map((kind) => [kind, a(`kinds.${kind}`)])) as Record<AnnotationKind, string>,
    verdicts: Object.fromEntries(claimVerdicts.map((verdict) => [verdict, a(`verdicts.${verdict}`)])) as Record<ClaimVerdict, string>,
    visibility: { private: a('private'), shared: a('shared') },
    resolved: a('resolved'),
    /** An editor's rating's name ("Half true"), and "Editors’ verdict: False", as the claims page says them. */
    ratings: Object.fromEntries(editorialRatings.map((rating) => [rating, c(`ratings.${rating}`)])) as Record<EditorialRating, string>,
    editorial: (rating: EditorialRating) => c('ratingLabel', { rating: c(`ratings.${rating}`) }),
    /** "Suggested English", and where it stands. */
    suggested: (lang: ArticleLang) => a('suggestion.heading', { lang: a(`suggestion.langs.${lang}`) }),
    suggestionStates: {
      open: a('suggestion.states.open'),
      accepted: a('suggestion.states.accepted'),
      declined: a('suggestion.states.declined'),
    },
    deleted: a('deletedNote'),
    article: x('article'),
    tags: x('tags'),
    source: x('source'),
    replies: x('replies'),
    viewInArticle: x('viewInArticle'),
    /** The languages' names as the quotes are headed: each in its own script, whatever the interface. */
    langs: { zh: '中文', en: 'English' } as const,
    /** Punctuation differs too: 论断：不实（已解决）, Claim: False (Resolved). */
    colon: lang === 'zh' ? '：' : ': ',
    aside: (text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`),
    articleTitle: (title: string) => x('articleTitle', { title }),
    myNotesTitle: (name: string) => x('myNotesTitle', { name }),
    exported: (date: string, site: string) => x('exported', { date, site }),
  };
}

export type ExportLabels = ReturnType<typeof exportLabels>;
