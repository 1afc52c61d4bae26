// Issue 15, part 3: notes survive a correction. The article with 500 notes spread over both languages,
// then an edit of its text (the copy-edit of part 1, from the first revision to the current one; a
// paragraph inserted near the top and a sentence split in two, each made on the current text),
// recorded by content:ids's matching as the next revision, then reanchorArticle. Each note is checked
// against where its words went, worked out independently from a character diff of the two texts:
// anchored on the same words (or, when the edit touched them, where what is left of them went), or an
// orphan; never anywhere else; its sentences those of its new place.
import { diffChars } from 'diff';
import { expect } from 'vitest';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import { describeOffsets } from '@/lib/anchoring/describe';
import { sentencesAt } from '@/lib/anchoring/sentences-at';
import type { CanonicalText } from '@/lib/anchoring/types';
import type { ReanchorOutcome } from '@/lib/annotations/reanchor';
import { readArticleFiles } from '@/lib/content/article-files';
import { assignIds } from '@/lib/content/assign-ids';
import { textHash, type IdMap } from '@/lib/content/id-map';
import { parseArticle } from '@/lib/content/parse-article';
import { articleLangs, type ArticleLang, type Block } from '@/lib/content/types';
import { articleOutline } from '@/lib/review/outline';
import { firstRevisionSource, seededRandom } from '../../anchoring/support/article';

export const slug = 'deepseek-capex';
const files = readArticleFiles(slug);
const current = { sources: { zh: files.zh.source, en: files.en.source }, map: files.ids!.map! };

type Sources = Record<ArticleLang, string>;
/** One revision of the article: its text, its id map and what follows from them. */
export type Edition = ReturnType<typeof edition>;

function edition(sources: Sources, map: IdMap) {
  const article = { zh: parseArticle(sources.zh, slug, 'zh', map.blocks), en: parseArticle(sources.en, slug, 'en', map.blocks) };
  for (const lang of articleLangs) expect(article[lang].problems).toEqual([]);
  const texts = { zh: canonicalText(article.zh.blocks, 'zh'), en: canonicalText(article.en.blocks, 'en') };
  return { textRevision: map.revision, map, text: (lang: ArticleLang) => texts[lang], outline: articleOutline(article), article };
}

/** The edited text as the revision after `before`, its ids given by content:ids's matching. */
function next(before: Edition, sources: Sources): Edition {
  const positional = (lang: ArticleLang) => parseArticle(sources[lang], slug, lang).blocks;
  const map = assignIds(before.map, positional('zh'), positional('en'), { zh: textHash(sources.zh), en: textHash(sources.en) });
  expect(map.revision).toBe(before.textRevision + 1);
  return edition(sources, map);
}

/** Lines of `source` with `edit` applied to line `line` (1-based): what replaces it. */
function editLine(source: string, line: number, edit: (text: string) => string): string {
  const lines = source.split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  return lines.join('\n');
}

const now = () => edition(current.sources, current.map);
const block = (lang: ArticleLang, id: string): Block => now().article[lang].blocks.find((b) => b.id === id)!;

/** The three edits of the issue: the revision notes are made on, and the one they are re-anchored on. */
export const edits: Record<string, () => { before: Edition; after: Edition }> = {
  'the copy-edit of part 1': () => {
    const sources = { zh: firstRevisionSource('zh'), en: firstRevisionSource('en') };
    const positional = (lang: ArticleLang) => parseArticle(sources[lang], slug, lang).blocks;
    const first = edition(
      sources,
      assignIds(undefined, positional('zh'), positional('en'), { zh: textHash(sources.zh), en: textHash(sources.en) }),
    );
    const after = next(first, current.sources);
    // content:ids's matching gives the copy-edit exactly the ids the article has.
    expect(after.map.blocks).toEqual(current.map.blocks);
    return { before: first, after };
  },
  'a paragraph inserted near the top': () => {
    const inserted = {
      zh: '新插入的一段，交代背景。\n它有两句。\n\n',
      en: 'A new paragraph, giving the background.\nIt has two sentences.\n\n',
    };
    const at = (lang: ArticleLang) => editLine(current.sources[lang], block(lang, 'p01').line, (text) => inserted[lang] + text);
    return { before: now(), after: next(now(), { zh: at('zh'), en: at('en') }) };
  },
  'a sentence split in two': () => {
    // The first sentence, well into the article, that both languages can split at a comma.
    const zh = now()
      .article.zh.blocks.slice(20)
      .flatMap((b) => b.sentences);
    const en = new Map(now().article.en.blocks.flatMap((b) => b.sentences.map((s) => [s.id, s])));
    const at = zh.find((s) => s.text.includes('，') && !s.text.includes('*') && en.get(s.id)!.text.includes(', '))!;
    const sources = {
      zh: editLine(current.sources.zh, at.line, (text) => text.replace('，', '，\n')),
      en: editLine(current.sources.en, en.get(at.id)!.line, (text) => text.replace(', ', ',\n')),
    };
    return { before: now(), after: next(now(), sources) };
  },
};

/** 500 notes spread over both languages of `before` by a seeded generator: 2 to 80 characters each. */
export function notesOn(before: Edition, count = 500) {
  const random = seededRandom(15);
  return Array.from({ length: count }, (_, i) => {
    const lang: ArticleLang = i % 2 ? 'en' : 'zh';
    const text = before.text(lang);
    const start = Math.floor(random() * text.text.length);
    const description = describeOffsets(text, start, Math.min(text.text.length, start + 2 + Math.floor(random() * 78)));
    if (!description) return null;
    const kind = ['comment', 'claim', 'question', 'highlight'][i % 4];
    return {
      lang,
      description,
      kind,
      verdict: kind === 'claim' ? ['supported', 'disputed', 'false', 'unverified'][i % 3] : null,
      body: `Note ${i}`,
      visibility: i % 10 === 9 ? 'private' : 'shared',
    };
  }).filter((note) => note !== null);
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
  before: Edition,
  edition: Edition,
  outcome: ReanchorOutcome,
) {
  const maps = {
    zh: characterMap(before.text('zh').text, edition.text('zh').text),
    en: characterMap(before.text('en').text, edition.text('en').text),
  };
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
