import { missingNumbers } from './numerals';
import { textHash, type IdMap, type IdMapBlock } from './id-map';
import { parseArticle, type ParsedArticle } from './parse-article';
import { sourceTextMatches } from './source-text';
import { untranslated, type ArticleLang, type Block } from './types';

export type ContentFile = { path: string; source: string };
export type ContentProblem = { path: string; line: number; message: string };

export type ArticleFiles = {
  slug: string;
  zh: ContentFile;
  en: ContentFile;
  /** The original text the Chinese must reproduce verbatim, when the folder keeps one. */
  original?: ContentFile;
  /** The chart names `charts.json` defines; every `<Chart name>` must be one of them. */
  chartNames?: string[];
  /** `ids.json`, the ids of blocks and sentences (lib/content/id-map.ts); refused when missing or out of date. */
  ids?: { path: string; map?: IdMap; error?: string };
};

function parseSafely(file: ContentFile, slug: string, lang: ArticleLang, problems: ContentProblem[], ids?: IdMapBlock[]) {
  try {
    const parsed = parseArticle(file.source, slug, lang, ids);
    problems.push(...parsed.problems.map((p) => ({ path: file.path, ...p })));
    return parsed;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    problems.push({ path: file.path, line: e.line ?? 0, message: `cannot parse: ${e.reason ?? e.message}` });
    return undefined;
  }
}

function checkRepeats(article: ParsedArticle, path: string, problems: ContentProblem[]) {
  const seen = new Map<string, number>();
  const ids = article.blocks.flatMap((block) => [
    { id: block.id, line: block.line },
    ...block.sentences.map((s) => ({ id: s.id, line: s.line })),
    ...(block.key ? [{ id: block.key, line: block.line }] : []),
  ]);
  for (const { id, line } of ids) {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path, line, message: `"${id}" repeats (first at line ${first})` });
    else seen.set(id, line);
  }
  for (const block of article.blocks) {
    for (const sentence of block.sentences) {
      if (sentence.text === '') problems.push({ path, line: sentence.line, message: `${sentence.id} is empty` });
      if (sentence.text.includes('**')) {
        problems.push({ path, line: sentence.line, message: `${sentence.id} shows literal "**": a bold marker does not open or close here` });
      }
    }
  }
}

function checkPair(zh: Block, en: Block, files: ArticleFiles, problems: ContentProblem[]) {
  const where = `(zh line ${zh.line})`;
  if (zh.key !== en.key) {
    problems.push({ path: files.en.path, line: en.line, message: `block ${en.id} is "${en.key}" but the Chinese has "${zh.key}" ${where}` });
  }
  if (zh.sentences.length !== en.sentences.length) {
    problems.push({
      path: files.en.path,
      line: en.line,
      message: `block ${en.id} has ${en.sentences.length} sentences, the Chinese has ${zh.sentences.length} ${where}`,
    });
    return;
  }
  zh.sentences.forEach((zhSentence, i) => {
    const enSentence = en.sentences[i];
    if (enSentence.text === untranslated) return; // counted by checkTranslated
    const missing = missingNumbers(zhSentence.text, enSentence.text);
    if (missing.length) {
      problems.push({
        path: files.en.path,
        line: enSentence.line,
        message: `${enSentence.id} lacks ${missing.map((n) => `"${n.raw}"`).join(', ')} of the Chinese (zh line ${zhSentence.line})`,
      });
    }
  });
}

function checkBlocks(zh: ParsedArticle, en: ParsedArticle, files: ArticleFiles, problems: ContentProblem[]) {
  const count = Math.min(zh.blocks.length, en.blocks.length);
  for (let i = 0; i < count; i++) {
    const [a, b] = [zh.blocks[i], en.blocks[i]];
    if (a.kind !== b.kind) {
      // Everything after a missing or extra block is shifted: report the first place only.
      problems.push({
        path: files.en.path,
        line: b.line,
        message: `block ${i + 1} is a ${b.kind} (${b.id}) but the Chinese has a ${a.kind} (${a.id}, zh line ${a.line})`,
      });
      return;
    }
    checkPair(a, b, files, problems);
  }
  if (zh.blocks.length !== en.blocks.length) {
    const longer = zh.blocks.length > en.blocks.length ? { file: files.zh, parsed: zh } : { file: files.en, parsed: en };
    const extra = longer.parsed.blocks[count];
    problems.push({
      path: longer.file.path,
      line: extra.line,
      message: `${extra.id} has no counterpart: zh has ${zh.blocks.length} blocks, en has ${en.blocks.length}`,
    });
  }
}

/** A new article's English, one `[to translate]` line per sentence at first: how much is left. */
function checkTranslated(en: ParsedArticle, path: string, problems: ContentProblem[]) {
  const sentences = en.blocks.flatMap((block) => block.sentences);
  const left = sentences.filter((s) => s.text === untranslated);
  if (en.meta.title === untranslated) problems.push({ path, line: 2, message: 'frontmatter "title" is not translated yet' });
  if (left.length === 0) return;
  const named = left.slice(0, 5).map((s) => s.id).join(', ') + (left.length > 5 ? ', …' : '');
  problems.push({ path, line: left[0].line, message: `${left.length} of ${sentences.length} sentences are left to translate (${named})` });
}

/**
 * The id map must record the text as it is (any edit goes through `content:ids`, which keeps the
 * ids of untouched text and counts the revision), give sentences ids under their block's, and
 * never give out again an id it retired.
 */
function checkIdMap(files: ArticleFiles, problems: ContentProblem[]) {
  const ids = files.ids;
  if (!ids) return;
  if (!ids.map) {
    problems.push({ path: ids.path, line: 1, message: ids.error ?? 'ids.json is missing' });
    return;
  }
  const { map } = ids;
  for (const lang of ['zh', 'en'] as const) {
    if (textHash(files[lang].source) !== map.files[lang]) {
      problems.push({
        path: files[lang].path,
        line: 1,
        message: `edited since ids.json recorded revision ${map.revision}: run npm run content:ids -- ${files.slug}`,
      });
    }
  }
  const retired = new Set(map.retired);
  map.blocks.forEach((block, i) => {
    for (const id of [block.id, ...block.sentences.map((s) => s.id)]) {
      if (retired.has(id)) problems.push({ path: ids.path, line: i + 5, message: `"${id}" was retired and cannot be given out again` });
    }
    for (const sentence of block.sentences) {
      if (!sentence.id.startsWith(`${block.id}-s`) || !/^\d+$/.test(sentence.id.slice(block.id.length + 2))) {
        problems.push({ path: ids.path, line: i + 5, message: `sentence "${sentence.id}" is not named after its block ${block.id}` });
      }
    }
  });
}

/**
 * Checks that the two languages of an article pair one to one: same blocks in the same order, same
 * number of sentences per block, figures and charts identical, no repeated id, every Arabic numeral
 * of a Chinese sentence carried into its English sentence, (when kept) the Chinese verbatim, and
 * the id map up to date with both.
 */
export function checkArticle(files: ArticleFiles): ContentProblem[] {
  const problems: ContentProblem[] = [];
  checkIdMap(files, problems);
  const ids = files.ids?.map?.blocks;
  const zh = parseSafely(files.zh, files.slug, 'zh', problems, ids);
  const en = parseSafely(files.en, files.slug, 'en', problems, ids);
  if (!zh || !en) return problems;

  checkRepeats(zh, files.zh.path, problems);
  checkRepeats(en, files.en.path, problems);

  checkBlocks(zh, en, files, problems);
  checkTranslated(en, files.en.path, problems);

  for (const block of zh.blocks.filter((b) => b.kind === 'chart')) {
    const name = block.key?.replace(/^Chart name=/, '') ?? '';
    if (!files.chartNames?.includes(name)) {
      problems.push({ path: files.zh.path, line: block.line, message: `chart "${name}" is not defined in charts.json` });
    }
  }

  if (files.original) {
    const mismatch = sourceTextMatches(files.original.source, zh);
    if (mismatch) problems.push({ path: files.zh.path, line: mismatch.line, message: mismatch.message });
  }
  return problems;
}
