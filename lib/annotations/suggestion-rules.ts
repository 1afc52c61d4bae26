import 'server-only';
import { articleSentenceText, keepsChineseOriginal } from '@/lib/content/article-sentences';
import { missingNumbers } from '@/lib/content/numerals';
import type { ArticleLang } from '@/lib/content/types';
import { Refused } from '@/lib/errors/refusal';

// What a translation suggestion may say (docs/decisions/012); the schema has checked its shape.

/** A new suggestion rewrites a sentence the article has, in a language readers may reword, into something new. */
export function checkNewSuggestion(slug: string, suggestion: { lang: ArticleLang; sentenceId: string; text: string }) {
  if (suggestion.lang === 'zh' && keepsChineseOriginal(slug))
    throw new Refused('notPossible', 'The Chinese of this article is the original, kept word for word: suggest a better English instead.', [
      { field: 'suggestion.lang', message: 'the Chinese is the original' },
    ]);
  const current = articleSentenceText(slug, suggestion.lang, suggestion.sentenceId);
  if (current === undefined)
    throw new Refused('notPossible', `The article has no sentence ${suggestion.sentenceId} in that language.`, [
      { field: 'suggestion.sentenceId', message: 'no such sentence' },
    ]);
  if (current === suggestion.text)
    throw new Refused('notPossible', 'The suggestion is the sentence as it already reads.', [
      { field: 'suggestion.text', message: 'same as the current text' },
    ]);
  checkWording(slug, suggestion, 'suggestion.text');
}

/** The placeholder content:check counts as untranslated (lib/content/new-article.ts). */
const untranslated = '[to translate]';

/**
 * What content:check would refuse in the patch, refused here: an English that drops a figure of the
 * Chinese, literal bold markers, the untranslated placeholder; and a wording far longer than the
 * sentence it rewrites (a sentence, not an essay: its diff is shown on every list that holds it).
 */
export function checkWording(slug: string, suggestion: { lang: ArticleLang; sentenceId: string; text: string }, field: string) {
  const current = articleSentenceText(slug, suggestion.lang, suggestion.sentenceId) ?? '';
  const longest = Math.max(2 * current.length, current.length + 200);
  if (suggestion.text.length > longest)
    throw new Refused('notPossible', `A suggestion rewrites one sentence: this one may be up to ${longest} characters long.`, [
      { field, message: `at most ${longest} characters` },
    ]);
  if (suggestion.text.includes('**') || suggestion.text.trim() === untranslated)
    throw new Refused('notPossible', 'A suggestion is plain words: no "**" and not the untranslated placeholder.', [
      { field, message: 'not plain words' },
    ]);
  checkFigures(slug, suggestion, field);
}

/**
 * The English keeps every figure of the Chinese, as content:check demands of the article: a
 * suggestion that drops one would make a patch that check refuses, so it is refused here, saying which.
 */
function checkFigures(slug: string, suggestion: { lang: ArticleLang; sentenceId: string; text: string }, field: string) {
  const other = articleSentenceText(slug, suggestion.lang === 'en' ? 'zh' : 'en', suggestion.sentenceId) ?? '';
  const [zh, en] = suggestion.lang === 'en' ? [other, suggestion.text] : [suggestion.text, other];
  const missing = missingNumbers(zh, en);
  if (missing.length === 0) return;
  const figures = missing.map((n) => n.raw).join(', ');
  throw new Refused(
    'notPossible',
    suggestion.lang === 'en'
      ? `The suggested English leaves out figures of the Chinese (${figures}); an English sentence keeps every one.`
      : `The suggested Chinese has figures the English does not (${figures}).`,
    [{ field, message: `missing ${figures}` }],
  );
}

/**
 * A translation stays a translation (its suggestion is what it is about) and nothing else becomes one
 * (it would have no suggestion); its wording changes only while no editor has decided on it.
 */
export function checkSuggestionEdit(
  current: { kind: string; suggestionState: string | null },
  kind: string,
  suggestionText: string | undefined,
) {
  if ((current.kind === 'translation') !== (kind === 'translation'))
    throw new Refused('notPossible', 'A translation suggestion cannot change kind, nor another note become one: write a new note.', [
      { field: 'kind', message: 'translation suggestions keep their kind' },
    ]);
  if (suggestionText === undefined) return;
  if (kind !== 'translation')
    throw new Refused('invalid', 'Invalid suggestionText: only a translation carries a suggestion', [
      { field: 'suggestionText', message: 'only a translation carries a suggestion' },
    ]);
  if (current.suggestionState !== 'open')
    throw new Refused('notPossible', 'An editor has decided on this suggestion: its wording stays as it was decided.', [
      { field: 'suggestionText', message: 'decided already' },
    ]);
}
