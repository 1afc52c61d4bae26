import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '@/lib/content/article-files';
import { checkArticle, type ArticleFiles } from '@/lib/content/check-article';

const real = readArticleFiles('deepseek-capex');

/** The real article with one of its files edited; without its id map, which the edit would put out of date, unless `ids` is kept. */
function edited(lang: 'zh' | 'en', edit: (source: string) => string, ids?: ArticleFiles['ids']): ArticleFiles {
  const source = edit(real[lang].source);
  expect(source).not.toBe(real[lang].source);
  return { ...real, [lang]: { ...real[lang], source }, ids };
}

const messages = (files: ArticleFiles) => checkArticle(files).map((p) => `${p.path}:${p.line}: ${p.message}`);

describe('checkArticle', () => {
  it('passes the Caijing article: aligned, numbers carried, Chinese verbatim', () => {
    expect(messages(real)).toEqual([]);
  });

  it('names the block whose sentence counts differ', () => {
    const files = edited('en', (s) =>
      s.replace('\nMeta expects capex of $60 billion-$65 billion in 2025, growth of as much as 60%-75%.', ''),
    );
    expect(messages(files)).toEqual([
      expect.stringMatching(/^content\/deepseek-capex\/en\.mdx:\d+: block p05 has 2 sentences, the Chinese has 3 \(zh line \d+\)$/),
    ]);
  });

  it('reports the first place where blocks stop pairing', () => {
    const files = edited('en', (s) => s.replace(/\n<Figure n=\{3\}[^\n]*\n/, '\n'));
    const found = messages(files);
    // The next figure slides into f03's place, then a paragraph meets a figure: the report stops there.
    expect(found).toEqual([
      expect.stringMatching(/en\.mdx:\d+: block f03 is "Figure n=4 src=[^"]+" but the Chinese has "Figure n=3 src=[^"]+" \(zh line 48\)/),
      expect.stringMatching(/en\.mdx:\d+: block 12 is a paragraph \(p07\) but the Chinese has a figure \(f04, zh line \d+\)/),
    ]);
  });

  it('requires figures and charts to be the same in both languages', () => {
    const files = edited('en', (s) => s.replace('<Chart name="depreciation" />', '<Chart name="capex-2024" />'));
    expect(messages(files)).toEqual(
      expect.arrayContaining([expect.stringMatching(/block c04 is "Chart name=capex-2024" but the Chinese has "Chart name=depreciation"/)]),
    );
  });

  it('finds repeated figures and unknown charts', () => {
    const both = (s: string) =>
      s.replace(/<Figure n=\{4\}/, '<Figure n={3}').replace(/(<Figure n=\{3\} src=")[^"]+/g, '$1https://img.example/x');
    const files = {
      ...edited('zh', both),
      en: { ...real.en, source: both(real.en.source) },
      original: undefined,
      chartNames: ['capex-2024'],
    };
    const found = messages(files);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/zh\.mdx:\d+: "Figure n=3 src=https:\/\/img\.example\/x" repeats \(first at line \d+\)/),
      ]),
    );
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/chart "depreciation" is not defined in charts\.json/)]));
  });

  it('catches a number lost in translation', () => {
    const files = edited('en', (s) => s.replace('spent $75.6 billion,', 'spent $756 billion,'));
    expect(messages(files)).toEqual([expect.stringMatching(/en\.mdx:36: p04-s2 lacks "756亿" of the Chinese \(zh line \d+\)/)]);
  });

  it('catches a Chinese character that differs from the original', () => {
    const files = edited('zh', (s) => s.replace('资本支出总额2431亿美元（约合1.8万亿元）', '资本支出总额2431亿美元(约合1.8万亿元)'));
    expect(messages(files)).toEqual([
      expect.stringMatching(/zh\.mdx:\d+: p04-s3 differs from the original: original has ".*（约合.*", article has ".*\(约合.*"/),
    ]);
  });

  it('reports an MDX syntax error with its line instead of throwing', () => {
    const files = edited('en', (s) => s.replace('## ', '## <Broken '));
    expect(messages(files)[0]).toMatch(/en\.mdx:\d+: cannot parse: /);
  });
});

describe('checkArticle on Markdown the reader would show wrongly', () => {
  it('reports bold markers CommonMark cannot close', () => {
    const files = edited('en', (s) =>
      s.replace(
        '**In 2025, the four US tech giants’ capex will keep growing rapidly, though growth will ease slightly.**',
        '**In 2025, capex will keep growing.**But slower.',
      ),
    );
    expect(messages(files)).toEqual([expect.stringMatching(/en\.mdx:\d+: p05-s1 shows literal "\*\*"/)]);
  });

  it('refuses an edit the id map has not recorded, naming the command that records it', () => {
    const reworded = edited('en', (s) => s.replace('growth of as much as 60%-75%', 'up by as much as 60%-75%'), real.ids);
    expect(messages(reworded)).toEqual([
      `content/deepseek-capex/en.mdx:1: edited since ids.json recorded revision ${real.ids!.map!.revision}: run npm run content:ids -- deepseek-capex`,
    ]);
  });

  it('refuses an inserted paragraph that would take ids from the text after it', () => {
    const inserted = edited('zh', (s) => s.replace('\n是否有必要继续大规模投资算力？', '\n新插入的一段。\n\n是否有必要继续大规模投资算力？'), real.ids);
    expect(messages(inserted)).toContainEqual(
      expect.stringMatching(/^content\/deepseek-capex\/zh\.mdx:\d+: block p01 has 1 sentences, ids\.json 5: the text was edited without npm run content:ids$/),
    );
  });

  it('refuses a missing id map, an id given out again after it was retired, and a sentence named after another block', () => {
    expect(messages({ ...real, ids: { path: 'content/deepseek-capex/ids.json', error: 'ids.json is missing' } })).toEqual([
      'content/deepseek-capex/ids.json:1: ids.json is missing',
    ]);
    const map = structuredClone(real.ids!.map!);
    map.retired.push('p01-s2');
    map.blocks[3].sentences[0].id = 'p09-s1';
    expect(messages({ ...real, ids: { path: 'content/deepseek-capex/ids.json', map } })).toEqual(
      expect.arrayContaining([
        'content/deepseek-capex/ids.json:7: "p01-s2" was retired and cannot be given out again',
        'content/deepseek-capex/ids.json:8: sentence "p09-s1" is not named after its block p02',
      ]),
    );
  });
});
