import 'server-only';
import { applySuggestions, suggestionsPatch, type AppliedSuggestions } from '@/lib/content/apply-suggestions';
import { readArticleFiles } from '@/lib/content/article-files';
import type { IdMap } from '@/lib/content/id-map';
import type { ArticleLang } from '@/lib/content/types';
import { requireArticle } from './article-texts';
import { acceptedSuggestions, maxSuggestionsPerPatch } from './suggestions';

export type SuggestionsPatch = {
  /** A unified diff of content/<slug>/{zh,en}.mdx and ids.json, after a comment saying what it holds; git apply takes it. */
  text: string;
  /** What the patch holds and leaves out, in a few lines (the comment at its top, without how to apply it). */
  summary: string[];
  before: { sources: Record<ArticleLang, string>; ids: IdMap };
  after: AppliedSuggestions;
};

/**
 * The article's accepted suggestions applied to its files as they are in this deployment (a
 * suggestion already in the text changes nothing), as a patch. Costs the accepted suggestions and
 * a few parses and checks of the article per suggestion, whatever else the article holds.
 */
export async function acceptedSuggestionsPatch(slug: string): Promise<SuggestionsPatch> {
  requireArticle(slug);
  const files = readArticleFiles(slug);
  const ids = files.ids?.map;
  if (!ids) throw new Error(`content/${slug}: ${files.ids?.error ?? 'no id map'}`);
  const before = { sources: { zh: files.zh.source, en: files.en.source }, ids };
  const accepted = await acceptedSuggestions(slug);
  const after = applySuggestions(slug, before.sources, before.ids, accepted, {
    files: { original: files.original, chartNames: files.chartNames },
  });
  const diff = suggestionsPatch(slug, before, after);
  const summary = [
    `Accepted translation suggestions for content/${slug}/ (revision ${before.ids.revision}${diff ? ` → ${after.ids.revision}` : ''}).`,
    diff ? `Applies ${after.applied.length} suggestion(s): ${after.applied.join(', ')}` : 'Nothing to change.',
    after.inText.length ? `Already in the text: ${after.inText.length} suggestion(s).` : '',
    ...after.skipped.map((s) => `Skipped ${s.id}: ${s.reason}`),
    accepted.length >= maxSuggestionsPerPatch
      ? `Only the first ${maxSuggestionsPerPatch} accepted suggestions were read: apply this patch, deploy it, and ask again for the rest.`
      : '',
  ].filter(Boolean);
  const header = diff ? [...summary, 'Apply with: git apply <this file>, then npm run content:check.'] : summary;
  return { text: `${header.join('\n')}\n\n${diff}`, summary, before, after };
}
