import { describe, expect, it } from 'vitest';
import { checkArticle } from '@/lib/content/check-article';
import { parseIdMap } from '@/lib/content/id-map';
import { newArticleFiles } from '@/lib/content/new-article';
import { parseArticle } from '@/lib/content/parse-article';

// A short text of our own, with what plain texts hold: a wrapped paragraph, quotes, brackets, and
// characters Markdown and MDX would read as syntax.
const text = `\uFEFF城市夜跑的兴起

近几年，越来越多的年轻人选择在下班后夜跑。有人说：“跑完步，一天的疲惫都没了。”
也有人把夜跑当成社交方式！据统计，2024年夜跑订单增长了35%（其中一线城市占六成）。

- 专家提醒：*注意*安全，{别}在<b>车道</b>上跑；[反光]衣物很重要。
1. 跑前热身10分钟。
`;

describe('newArticleFiles', () => {
  const files = newArticleFiles('night-running', text, new Date('2026-12-07T00:00:00Z'));
  const zh = parseArticle(files['zh.mdx'], 'night-running', 'zh');
  const ids = parseIdMap(files['ids.json']);

  it('makes paragraphs from blank lines and one line per sentence, the text kept character for character', () => {
    expect(zh.meta.title).toBe('城市夜跑的兴起');
    expect(zh.blocks.map((b) => b.sentences.map((s) => s.text))).toEqual([
      ['近几年，越来越多的年轻人选择在下班后夜跑。', '有人说：“跑完步，一天的疲惫都没了。”', '也有人把夜跑当成社交方式！', '据统计，2024年夜跑订单增长了35%（其中一线城市占六成）。'],
      ['- 专家提醒：*注意*安全，{别}在<b>车道</b>上跑；[反光]衣物很重要。', '1. 跑前热身10分钟。'],
    ]);
    expect(zh.problems.filter((p) => !p.message.startsWith('frontmatter'))).toEqual([]);
  });

  it('gives the English one line to translate per sentence, and the ids of a first revision', () => {
    expect(ids.revision).toBe(1);
    expect(ids.blocks.map((b) => `${b.id}: ${b.sentences.map((s) => s.id).join(' ')}`)).toEqual([
      'p01: p01-s1 p01-s2 p01-s3 p01-s4',
      'p02: p02-s1 p02-s2',
    ]);
  });

  it('passes content:check but for what is left to do: the frontmatter and the translation', () => {
    const folder = (name: string) => ({ path: `content/night-running/${name}`, source: files[name as 'zh.mdx'] });
    const problems = checkArticle({
      slug: 'night-running',
      zh: folder('zh.mdx'),
      en: folder('en.mdx'),
      ids: { path: 'content/night-running/ids.json', map: ids },
    }).map((p) => `${p.path}:${p.line}: ${p.message}`);
    const missing = ['summary', 'publication', 'byline', 'author', 'sourceUrl'];
    expect(problems).toEqual([
      ...missing.map((key) => `content/night-running/zh.mdx:1: frontmatter "${key}" is missing`),
      ...missing.map((key) => `content/night-running/en.mdx:1: frontmatter "${key}" is missing`),
      'content/night-running/en.mdx:2: frontmatter "title" is not translated yet',
      'content/night-running/en.mdx:12: 6 of 6 sentences are left to translate (p01-s1, p01-s2, p01-s3, p01-s4, p02-s1, …)',
    ]);
  });
});
