import { createTwoFilesPatch } from 'diff';
import { assignIds } from './assign-ids';
import { escapeMdxLine } from './escape-mdx';
import { formatIdMap, textHash, type IdMap } from './id-map';
import { parseArticle } from './parse-article';
import { articleLangs, type ArticleLang } from './types';

/** An accepted translation suggestion: sentence `sentenceId` of `lang` should read `text`. */
export type AcceptedSuggestion = { id: string; sentenceId: string; lang: ArticleLang; text: string };

export type AppliedSuggestions = {
  sources: Record<ArticleLang, string>;
  ids: IdMap;
  applied: string[];
  /** Suggestions that could not be applied, and why (the sentence is gone, or its line holds markup the text would break). */
  skipped: { id: string; reason: string }[];
};

/**
 * The line with its sentence replaced: markup that opens or closes across lines (`**` at either
 * end) stays where it was, as do the translator's notes after the sentence's own words.
 */
function replaceSentence(line: string, text: string): string {
  const opening = line.match(/^\*\*/)?.[0] ?? '';
  const notes = line.match(/\s*<TranslatorNote[\s\S]*$/)?.[0] ?? '';
  const rest = line.slice(opening.length, line.length - notes.length);
  const closing = rest.match(/\*\*$/)?.[0] ?? '';
  return `${opening}${escapeMdxLine(text.trim())}${closing}${notes}`;
}

/**
 * Applies accepted translation suggestions to an article's MDX (issue 15, part 4): each replaces its
 * sentence's line, in the language it rewrites, and is kept only if the text then parses to exactly
 * the suggested words and the article still pairs; the id map records the edit as the next
 * revision, every id kept. Pure: the caller reads the files and writes them (or a patch of them).
 */
export function applySuggestions(slug: string, sources: Record<ArticleLang, string>, ids: IdMap, suggestions: readonly AcceptedSuggestion[]): AppliedSuggestions {
  const edited = { ...sources };
  const applied: string[] = [];
  const skipped: AppliedSuggestions['skipped'] = [];
  for (const suggestion of suggestions) {
    const { lang } = suggestion;
    const sentence = parseArticle(edited[lang], slug, lang, ids.blocks)
      .blocks.flatMap((block) => block.sentences)
      .find((s) => s.id === suggestion.sentenceId);
    if (!sentence) {
      skipped.push({ id: suggestion.id, reason: `no sentence ${suggestion.sentenceId} in the ${lang} text` });
      continue;
    }
    const lines = edited[lang].split('\n');
    lines[sentence.line - 1] = replaceSentence(lines[sentence.line - 1], suggestion.text);
    const candidate = lines.join('\n');
    const parsed = parseArticle(candidate, slug, lang, ids.blocks);
    const now = parsed.blocks.flatMap((block) => block.sentences).find((s) => s.id === suggestion.sentenceId);
    if (parsed.problems.length > 0 || now?.text !== suggestion.text.trim()) {
      skipped.push({ id: suggestion.id, reason: `${suggestion.sentenceId}'s line holds markup the suggested text would break` });
      continue;
    }
    edited[lang] = candidate;
    applied.push(suggestion.id);
  }
  const positional = (lang: ArticleLang) => parseArticle(edited[lang], slug, lang).blocks;
  const next = assignIds(ids, positional('zh'), positional('en'), { zh: textHash(edited.zh), en: textHash(edited.en) });
  return { sources: edited, ids: next, applied, skipped };
}

/** The applied suggestions as a patch of content/<slug>/ (`git apply` takes it), or '' when nothing changed. */
export function suggestionsPatch(slug: string, before: { sources: Record<ArticleLang, string>; ids: IdMap }, after: AppliedSuggestions): string {
  const file = (name: string) => `content/${slug}/${name}`;
  const patches = articleLangs
    .filter((lang) => before.sources[lang] !== after.sources[lang])
    .map((lang) => createTwoFilesPatch(`a/${file(`${lang}.mdx`)}`, `b/${file(`${lang}.mdx`)}`, before.sources[lang], after.sources[lang]));
  if (patches.length === 0) return '';
  patches.push(createTwoFilesPatch(`a/${file('ids.json')}`, `b/${file('ids.json')}`, formatIdMap(before.ids), formatIdMap(after.ids)));
  return patches.join('');
}
