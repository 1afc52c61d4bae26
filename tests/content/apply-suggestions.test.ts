import { applyPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { readArticleFiles, readParsedArticle } from '@/lib/content/article-files';
import { applySuggestions, suggestionsPatch } from '@/lib/content/apply-suggestions';
import { checkArticle } from '@/lib/content/check-article';
import { formatIdMap, parseIdMap } from '@/lib/content/id-map';
import { parseArticle } from '@/lib/content/parse-article';

const slug = 'deepseek-capex';
const files = readArticleFiles(slug);
const before = { sources: { zh: files.zh.source, en: files.en.source }, ids: files.ids!.map! };
const englishOf = (source: string) =>
  new Map(parseArticle(source, slug, 'en', before.ids.blocks).blocks.flatMap((b) => b.sentences.map((s) => [s.id, s.text])));
const allIds = (map: typeof before.ids) => map.blocks.map((b) => [b.id, ...b.sentences.map((s) => s.id)]);

const accepted = [
  // A plain line.
  { id: 'a', sentenceId: 'p01-s4', lang: 'en' as const, text: 'Nvidia has gained more than anyone from the spending on computing power.' },
  // A whole bold line (the paragraph is one bold sentence), and a line with a translator's note after its words.
  { id: 'b', sentenceId: 'p04-s1', lang: 'en' as const, text: 'In 2024, the capex of all four US tech giants reached record highs.' },
  { id: 'c', sentenceId: 'p16-s5', lang: 'en' as const, text: 'On 10 February Nvidia closed in New York at $133.6 [given as $13.36 billion in the original], 12.9% above 27 January.' },
  // Markup in a reader's words is text, not syntax.
  { id: 'd', sentenceId: 'p01-s5', lang: 'en' as const, text: 'Chinese and US tech firms buy AI chips at scale <b>and</b> *Nvidia* is nearly a monopolist.' },
  { id: 'e', sentenceId: 'p99-s1', lang: 'en' as const, text: 'Nowhere.' },
];

describe('applySuggestions', () => {
  const after = applySuggestions(slug, before.sources, before.ids, accepted);

  it('rewrites each accepted sentence to exactly the suggested words, and nothing else', () => {
    expect(after.applied).toEqual(['a', 'b', 'c', 'd']);
    expect(after.skipped).toEqual([{ id: 'e', reason: 'no sentence p99-s1 in the en text' }]);
    const [old, now] = [englishOf(before.sources.en), englishOf(after.sources.en)];
    for (const s of accepted.slice(0, 4)) expect(now.get(s.sentenceId)).toBe(s.text);
    const changed = [...old].filter(([id, text]) => now.get(id) !== text).map(([id]) => id);
    expect(changed.sort()).toEqual(['p01-s4', 'p01-s5', 'p04-s1', 'p16-s5']);
    expect(after.sources.zh).toBe(before.sources.zh);
  });

  it('keeps bold markers and translator\'s notes where the line had them', () => {
    const line = (id: string) => after.sources.en.split('\n')[readParsedArticle(slug, 'en').blocks.flatMap((b) => b.sentences).find((s) => s.id === id)!.line - 1];
    expect(line('p04-s1')).toBe('**In 2024, the capex of all four US tech giants reached record highs.**');
    expect(line('p16-s5')).toMatch(/^On 10 February Nvidia closed .*27 January\. <TranslatorNote correction>The original reads/);
  });

  it('comes out as a patch that applies, passes content:check and keeps every id, as the next revision', () => {
    const patch = suggestionsPatch(slug, before, after);
    const patched: Record<string, string> = { 'en.mdx': before.sources.en, 'zh.mdx': before.sources.zh, 'ids.json': formatIdMap(before.ids) };
    for (const file of parsePatch(patch)) {
      const name = file.newFileName!.replace(`b/content/${slug}/`, '');
      const result = applyPatch(patched[name], file);
      expect(result, name).not.toBe(false);
      patched[name] = result as string;
    }
    expect(Object.keys(patched).filter((name) => patched[name] !== (name === 'ids.json' ? formatIdMap(before.ids) : before.sources[name.slice(0, 2) as 'en']))).toEqual([
      'en.mdx',
      'ids.json',
    ]);
    const ids = parseIdMap(patched['ids.json']);
    expect(ids.revision).toBe(before.ids.revision + 1);
    expect(allIds(ids)).toEqual(allIds(before.ids));
    const problems = checkArticle({
      ...files,
      en: { ...files.en, source: patched['en.mdx'] },
      ids: { path: files.ids!.path, map: ids },
    });
    expect(problems).toEqual([]);
  });

  it('makes no patch when nothing applies', () => {
    const none = applySuggestions(slug, before.sources, before.ids, [accepted[4]]);
    expect(suggestionsPatch(slug, before, none)).toBe('');
  });

});

// Each case parses and checks the whole article a few times: seconds on a loaded machine.
describe('applySuggestions, what could break the article (an attacker’s review)', { timeout: 60_000 }, () => {
  const sentences = readParsedArticle(slug, 'en').blocks.flatMap((b) => b.sentences);
  const idOf = (start: string) => sentences.find((s) => s.text.startsWith(start))!.id;
  const textOf = (id: string) => sentences.find((s) => s.id === id)!.text;
  const one = (suggestion: { sentenceId: string; text: string; base?: string }) =>
    applySuggestions(slug, before.sources, before.ids, [{ id: 'x', lang: 'en', ...suggestion }], { files });

  it('keeps text that MDX or Markdown would read as syntax as the words they are', () => {
    for (const text of [
      `export controls aside, ${textOf('p01-s1')}`,
      `import duties aside, ${textOf('p01-s1')}`,
      `=== ${textOf('p01-s2')}`,
      `AT&T and AT&amp;T: ${textOf('p01-s2')}`,
      `{alert(1)} <script>x</script> <!-- c --> \`code\` ${textOf('p01-s2')}`,
    ]) {
      const sentenceId = text.includes(textOf('p01-s1')) ? 'p01-s1' : 'p01-s2';
      const result = one({ sentenceId, text });
      expect(result.applied, text).toEqual(['x']);
      expect(englishOf(result.sources.en).get(sentenceId)).toBe(text);
    }
  });

  it('keeps a heading a heading', () => {
    const heading = idOf('Investment in computing power reaches');
    const result = one({ sentenceId: heading, text: 'Investment in computing power hits a record' });
    expect(result.applied).toEqual(['x']);
    expect(result.sources.en).toContain('\n## Investment in computing power hits a record\n');
  });

  it('leaves alone a line whose formatting plain text would lose, or would break the sentence before', () => {
    // Bold that opened on the line before closes inside this one ("2025**.").
    const closing = idOf('However, Microsoft has not disclosed');
    expect(one({ sentenceId: closing, text: 'However, Microsoft has not yet disclosed a detailed capex plan for 2025.' }).skipped[0].reason).toMatch(/markup/);
    // Italics inside the sentence.
    const italic = sentences.find((s) => /\(see /.test(s.text))!.id;
    expect(one({ sentenceId: italic, text: `${textOf(italic)} Indeed.` }).skipped[0].reason).toMatch(/markup/);
  });

  it('skips what content:check would refuse, what is in the text already, and a sentence edited since', () => {
    expect(one({ sentenceId: 'p01-s2', text: 'Is it **still** necessary?' }).skipped[0].reason).toMatch(/content:check/);
    expect(one({ sentenceId: 'p01-s2', text: '[to translate]' }).skipped[0].reason).toMatch(/content:check/);
    expect(one({ sentenceId: 'p01-s2', text: textOf('p01-s2') })).toMatchObject({ applied: [], inText: ['x'], skipped: [] });
    expect(one({ sentenceId: 'p01-s2', text: 'New words.', base: 'What it read before an edit.' }).skipped[0].reason).toMatch(/edited after/);
  });
});
