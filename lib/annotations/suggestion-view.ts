import { articleSentenceText } from '@/lib/content/article-sentences';
import type { ArticleLang } from '@/lib/content/types';
import { suggestionDiff, type DiffPart } from '@/lib/review/suggestion-diff';
import type { SuggestionState } from './vocabulary';

/** A translation suggestion as the API shows it. */
export type ApiSuggestion = {
  /** The language of the sentence it rewrites (the note may be on the other language's sentence). */
  lang: ArticleLang;
  sentenceId: string;
  text: string;
  state: SuggestionState;
  decidedAt: string | null;
  /** How many readers +1'd it. */
  support: number;
  /** The sentence as the article has it now; null when an edit of the article removed it. */
  current: string | null;
  /**
   * The suggestion against `current`, by word in English and by character in Chinese, worked out
   * here so that the reader's page ships no diff library; empty when the sentence is gone.
   */
  diff: DiffPart[];
};

type Stored = Omit<ApiSuggestion, 'current' | 'diff' | 'decidedAt'> & { decidedAt: Date | null };

export function suggestionView(article: string, stored: Stored): ApiSuggestion {
  const current = articleSentenceText(article, stored.lang, stored.sentenceId) ?? null;
  return {
    ...stored,
    decidedAt: stored.decidedAt?.toISOString() ?? null,
    current,
    diff: current === null ? [] : suggestionDiff(current, stored.text, stored.lang),
  };
}
