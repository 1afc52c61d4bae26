// Issue 15, part 3: notes survive a correction. The current article with 500 notes spread over both
// languages, then an edit of its text (the copy-edit waiting in docs/proposals/, a paragraph inserted
// near the top, a sentence split in two), recorded by content:ids as the next revision, then
// reanchorArticle. Each note is checked against where its words went, worked out independently from a
// character diff of the two texts: anchored on the same words (or, when the edit touched them, where
// what is left of them went), or an orphan; never anywhere else; its sentences those of its new place.
import fs from 'node:fs';
import path from 'node:path';
import { applyPatch, diffChars, parsePatch } from 'diff';
import { expect } from 'vitest';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import { describeOffsets } from '@/lib/anchoring/describe';
import { sentencesAt } from '@/lib/anchoring/sentences-at';
import type { CanonicalText } from '@/lib/anchoring/types';
import type { ReanchorOutcome } from '@/lib/annotations/reanchor';
import { readArticleFiles } from '@/lib/content/article-files';
import { assignIds } from '@/lib/content/assign-ids';
import { textHash } from '@/lib/content/id-map';
import { parseArticle } from '@/lib/content/parse-article';
import { articleLangs, type ArticleLang, type Block } from '@/lib/content/types';
import { articleOutline } from '@/lib/review/outline';
import { seededRandom } from '../../anchoring/support/article';

export const slug = 'deepseek-capex';
const files = readArticleFiles(slug);
const map = files.ids!.map!;
const sources = { zh: files.zh.source, en: files.en.source };
const parsed = (lang: ArticleLang, source = sources[lang], ids = map.blocks) => parseArticle(source, slug, lang, ids);

/** Lines of `source` with `edit` applied to line `line` (1-based): what replaces it. */
function editLine(source: string, line: number, edit: (text: string) => string): string {
  const lines = source.split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  return lines.join('\n');
}

const block = (lang: ArticleLang, id: string): Block => parsed(lang).blocks.find((b) => b.id === id)!;

/** The three edits of the issue, each from the article as it is. */
export const edits: Record<string, () => Record<ArticleLang, string>> = {
  'the copy-edit of part 1': () => {
    // A `git format-patch` series: the en.mdx section of it, up to the next file or the signature.
    const series = fs.readFileSync(path.join(process.cwd(), 'docs/proposals/issue-15-copyedit.patch'), 'utf8');
    const section = series.split(/^(?=diff --git )/m).find((part) => part.startsWith('diff --git a/content/deepseek-capex/en.mdx'))!;
    const edited = applyPatch(sources.en, parsePatch(section.split(/^-- $/m)[0])[0]);
    if (edited === false) throw new Error('the copy-edit no longer applies to en.mdx');
    return { zh: sources.zh, en: edited };
  },
  'a paragraph inserted near the top': () => {
    const inserted = {
      zh: '新插入的一段，交代背景。\n它有两句。\n\n',
      en: 'A new paragraph, giving the background.\nIt has two sentences.\n\n',
    };
    const at = (lang: ArticleLang) => editLine(sources[lang], block(lang, 'p01').line, (text) => inserted[lang] + text);
    return { zh: at('zh'), en: at('en') };
  },
  'a sentence split in two': () => {
    // The first sentence, well into the article, that both languages can split at a comma.
    const zh = parsed('zh')
      .blocks.slice(20)
      .flatMap((b) => b.sentences);
    const en = new Map(parsed('en').blocks.flatMap((b) => b.sentences.map((s) => [s.id, s])));
    const at = zh.find((s) => s.text.includes('，') && !s.text.includes('*') && en.get(s.id)!.text.includes(', '))!;
    return {
      zh: editLine(sources.zh, at.line, (text) => text.replace('，', '，\n')),
      en: editLine(sources.en, en.get(at.id)!.line, (text) => text.replace(', ', ',\n')),
    };
  },
};

/** The edited article as the next revision: its id map made by content:ids's matching, and its texts. */
export function editionOf(edited: Record<ArticleLang, string>) {
  const positional = (lang: ArticleLang) => parseArticle(edited[lang], slug, lang).blocks;
  const next = assignIds(map, positional('zh'), positional('en'), { zh: textHash(edited.zh), en: textHash(edited.en) });
  expect(next.revision).toBe(map.revision + 1);
  const article = { zh: parsed('zh', edited.zh, next.blocks), en: parsed('en', edited.en, next.blocks) };
  for (const lang of articleLangs) expect(article[lang].problems).toEqual([]);
  const texts = { zh: canonicalText(article.zh.blocks, 'zh'), en: canonicalText(article.en.blocks, 'en') };
  return { textRevision: next.revision, text: (lang: ArticleLang) => texts[lang], outline: articleOutline(article) };
}

export const before = { zh: canonicalText(parsed('zh').blocks, 'zh'), en: canonicalText(parsed('en').blocks, 'en') };

/** 500 notes' create bodies, spread over both languages by a seeded generator: 2 to 80 characters each. */
export function noteBodies(count = 500) {
  const random = seededRandom(15);
  return Array.from({ length: count }, (_, i) => {
    const lang: ArticleLang = i % 2 ? 'en' : 'zh';
    const text = before[lang];
    const start = Math.floor(random() * text.text.length);
    const description = describeOffsets(text, start, Math.min(text.text.length, start + 2 + Math.floor(random() * 78)));
    if (!description) return null;
    const kind = ['comment', 'claim', 'question', 'highlight'][i % 4];
    return {
      lang,
      blockId: description.blockId,
      sentenceIds: description.sentenceIds,
      target: { selector: description.selectors },
      kind,
      ...(kind === 'claim' && { verdict: ['supported', 'disputed', 'false', 'unverified'][i % 3] }),
      body: `Note ${i}`,
      visibility: i % 10 === 9 ? 'private' : 'shared',
    };
  }).filter((body) => body !== null);
}

/** Where each character of `from` is in `to` (-1: deleted), from a character diff. */
function characterMap(from: string, to: string): Int32Array {
  const where = new Int32Array(from.length).fill(-1);
  let [i, j] = [0, 0];
  for (const part of diffChars(from, to)) {
    if (part.added) j += part.value.length;
    else if (part.removed) i += part.value.length;
    else for (let k = 0; k < part.value.length; k++) where[i++] = j++;
  }
  return where;
}

export type StoredNote = { id: string; lang: string; start: number; end: number; exact: string; sentenceIds: string; orphaned: boolean };

/**
 * Checks every note after re-anchoring against where its words went. Returns how many were
 * untouched by the edit, touched, and wrongly placed (none, or the test has already failed).
 */
export function checkPlacements(
  original: Map<string, StoredNote>,
  after: StoredNote[],
  edition: ReturnType<typeof editionOf>,
  outcome: ReanchorOutcome,
) {
  const maps = { zh: characterMap(before.zh.text, edition.text('zh').text), en: characterMap(before.en.text, edition.text('en').text) };
  const wrong: string[] = [];
  let [untouched, touched, orphanedUntouched] = [0, 0, 0];
  for (const note of after) {
    const old = original.get(note.id)!;
    const lang = note.lang as ArticleLang;
    const text: CanonicalText = edition.text(lang);
    const survivors = Array.from({ length: old.end - old.start }, (_, k) => maps[lang][old.start + k]).filter((at) => at >= 0);
    const intact = survivors.length === old.end - old.start && survivors.at(-1)! - survivors[0] === survivors.length - 1;
    if (intact) untouched++;
    else touched++;
    if (note.orphaned) {
      if (intact) orphanedUntouched++;
      continue;
    }
    const ids = JSON.parse(note.sentenceIds) as string[];
    const expectedIds = sentencesAt(text, note.start, note.end).map((s) => s.id);
    if (ids.join() !== expectedIds.join()) wrong.push(`${note.id}: sentences ${ids} where its place has ${expectedIds}`);
    // The mark in the other language lands on the sentence with the same id: it must exist there.
    const other = edition.text(lang === 'zh' ? 'en' : 'zh').sentences;
    for (const id of ids) if (!other.some((s) => s.id === id)) wrong.push(`${note.id}: ${id} has no counterpart`);
    if (intact) {
      const at = survivors[0];
      if (note.start !== at || note.end !== at + survivors.length || text.text.slice(note.start, note.end) !== old.exact) {
        wrong.push(
          `${note.id} (${lang}): "${old.exact}" expected at ${at}, placed at ${note.start} on "${text.text.slice(note.start, note.end)}"`,
        );
      }
    } else if (survivors.length === 0 || note.end <= Math.min(...survivors) || note.start > Math.max(...survivors)) {
      wrong.push(`${note.id} (${lang}): "${old.exact}", edited away, placed on "${text.text.slice(note.start, note.end)}"`);
    }
  }
  expect(wrong).toEqual([]);
  expect(outcome.position + outcome.quote + outcome.fuzzy + outcome.orphaned).toBe(after.length);
  return { untouched, touched, orphanedUntouched };
}
