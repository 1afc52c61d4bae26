import { createTwoFilesPatch } from 'diff';
import { assignIds } from './assign-ids';
import { checkArticle, type ArticleFiles } from './check-article';
import { escapeMdxLine } from './escape-mdx';
import { formatIdMap, textHash, type IdMap } from './id-map';
import { parseArticle } from './parse-article';
import { articleLangs, type ArticleLang } from './types';

/**
 * An accepted translation suggestion: sentence `sentenceId` of `lang` should read `text`. `base`:
 * the sentence as it read when the editor accepted it, when known; a sentence that reads otherwise
 * now was edited since (by hand, or by this very suggestion once deployed) and is left alone.
 */
export type AcceptedSuggestion = { id: string; sentenceId: string; lang: ArticleLang; text: string; base?: string | null };

export type AppliedSuggestions = {
  sources: Record<ArticleLang, string>;
  ids: IdMap;
  applied: string[];
  /** Suggestions already in the text (their patch was deployed): nothing to do. */
  inText: string[];
  /** Suggestions that could not be applied, and why (the sentence is gone or changed, or its line holds markup the text would lose). */
  skipped: { id: string; reason: string }[];
};

/** A line's parts around its sentence: bold that opens or closes across lines, a heading's marker, and translator's notes after the words. */
function lineParts(line: string) {
  const opening = line.match(/^(?:#{1,6} )?(?:\*\*)?/)?.[0] ?? '';
  const notes = line.match(/\s*<TranslatorNote[\s\S]*$/)?.[0] ?? '';
  const rest = line.slice(opening.length, line.length - notes.length);
  const closing = rest.match(/\*\*$/)?.[0] ?? '';
  return { opening, notes, closing, words: rest.slice(0, rest.length - closing.length) };
}

/** Emphasis, code, JSX, strikethrough or a link inside a sentence's words: formatting plain suggested text would drop. */
const inlineMarkup = /(^|[^\\])([*_`<]|~~|\]\()/;

const sentencesOf = (source: string, slug: string, lang: ArticleLang, ids: IdMap) => {
  try {
    return new Map(parseArticle(source, slug, lang, ids.blocks).blocks.flatMap((block) => block.sentences.map((s) => [s.id, s] as const)));
  } catch {
    // MDX that does not parse at all (it would not have come out of this function): nothing is the same.
    return null;
  }
};

/** What else content:check reads of the article: its original and its charts. */
export type SuggestionContext = { files?: Pick<ArticleFiles, 'original' | 'chartNames'> };

const filesOf = (slug: string, sources: Record<ArticleLang, string>) => ({
  zh: { path: `content/${slug}/zh.mdx`, source: sources.zh },
  en: { path: `content/${slug}/en.mdx`, source: sources.en },
});

/** The id map of the edited text: the next revision, ids kept (what `npm run content:ids` records). */
function nextIds(slug: string, ids: IdMap, sources: Record<ArticleLang, string>): IdMap {
  const positional = (lang: ArticleLang) => parseArticle(sources[lang], slug, lang).blocks;
  return assignIds(ids, positional('zh'), positional('en'), { zh: textHash(sources.zh), en: textHash(sources.en) });
}

/**
 * Applies accepted translation suggestions to an article's MDX (issue 15, part 4;
 * docs/decisions/012), each in the language it rewrites: its sentence's line gets the suggested
 * words, its bold markers, heading marker and translator's notes kept. A suggestion is kept only if
 * then the sentence reads exactly as suggested, every other sentence as before, and the article
 * still passes content:check; one whose line holds other markup (italics, a link, bold that closes
 * mid-sentence) is skipped for an editor to apply by hand. The id map records the edit as the next
 * revision, every id kept. Pure: the caller reads the files and writes them (or a patch of them).
 */
export function applySuggestions(
  slug: string,
  sources: Record<ArticleLang, string>,
  ids: IdMap,
  suggestions: readonly AcceptedSuggestion[],
  context: SuggestionContext = {},
): AppliedSuggestions {
  const edited = { ...sources };
  const applied: string[] = [];
  const inText: string[] = [];
  const skipped: AppliedSuggestions['skipped'] = [];
  const current = { zh: sentencesOf(edited.zh, slug, 'zh', ids), en: sentencesOf(edited.en, slug, 'en', ids) };
  const check = (texts: Record<ArticleLang, string>, map: IdMap) =>
    checkArticle({ original: context.files?.original, chartNames: context.files?.chartNames, slug, ...filesOf(slug, texts), ids: { path: `content/${slug}/ids.json`, map } }).map(
      (problem) => `${problem.path}:${problem.line}: ${problem.message}`,
    );
  // What content:check says of the article as it is: a suggestion may add nothing to it.
  const known = new Set(check(sources, ids));
  for (const suggestion of suggestions) {
    const { lang } = suggestion;
    const text = suggestion.text.trim();
    const sentence = current[lang]?.get(suggestion.sentenceId);
    const skip = (reason: string) => skipped.push({ id: suggestion.id, reason });
    if (!sentence) {
      skip(`no sentence ${suggestion.sentenceId} in the ${lang} text`);
      continue;
    }
    if (sentence.text === text) {
      inText.push(suggestion.id);
      continue;
    }
    if (suggestion.base != null && sentence.text !== suggestion.base) {
      skip(`${suggestion.sentenceId} was edited after the suggestion was accepted`);
      continue;
    }
    const lines = edited[lang].split('\n');
    const parts = lineParts(lines[sentence.line - 1]);
    if (inlineMarkup.test(parts.words)) {
      skip(`${suggestion.sentenceId}'s line holds markup (italics, a link, bold within the sentence) an editor should carry over by hand`);
      continue;
    }
    lines[sentence.line - 1] = `${parts.opening}${escapeMdxLine(text)}${parts.closing}${parts.notes}`;
    const candidate = lines.join('\n');
    const after = sentencesOf(candidate, slug, lang, ids);
    const others = [...current[lang]!].every(([id, s]) => id === suggestion.sentenceId || after?.get(id)?.text === s.text);
    if (!after || after.get(suggestion.sentenceId)?.text !== text || !others || after.size !== current[lang]!.size) {
      skip(`${suggestion.sentenceId}'s line holds markup the suggested text would break`);
      continue;
    }
    const texts = { ...edited, [lang]: candidate };
    const problems = check(texts, nextIds(slug, ids, texts)).filter((problem) => !known.has(problem));
    if (problems.length > 0) {
      skip(`content:check would refuse it: ${problems[0].replace(/^[^ ]+ /, '')}`);
      continue;
    }
    edited[lang] = candidate;
    current[lang] = after;
    applied.push(suggestion.id);
  }
  return { sources: edited, ids: applied.length ? nextIds(slug, ids, edited) : ids, applied, inText, skipped };
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
