import { describe, expect, it } from 'vitest';
import { toMarkdown } from '@/lib/exchange/markdown';
import { claim, comment, deleted, highlight, note, notes, question } from './fixtures';

const markdown = toMarkdown(notes, { title: 'DeepSeek之后，美国科技巨头还在加码算力' });
/** The section of one note: from its heading to the next note's. */
const section = (number: number) => markdown.split(/^## /m)[number];

describe('toMarkdown', () => {
  it('starts with the title and has a numbered section per note, with kind, verdict and state', () => {
    expect(markdown.startsWith('# DeepSeek之后，美国科技巨头还在加码算力\n\n## 1. Comment\n')).toBe(true);
    expect(markdown.match(/^## .*$/gm)).toEqual([
      '## 1. Comment',
      '## 2. Claim: Disputed',
      '## 3. Highlight',
      '## 4. Question (Resolved)',
      '## 5. Comment',
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('gives the author, date and visibility', () => {
    expect(section(2)).toContain('\n\n王波 · 2025-03-01 · Shared\n\n');
    expect(section(3)).toContain('\n\nAlice Chen · 2025-03-01 · Only me\n\n');
  });

  it('quotes the passage in its language and the aligned sentences in the other', () => {
    expect(section(1)).toContain(
      '**English**\n\n> Nvidia has been the biggest beneficiary of investment in computing power.\n\n**中文**\n\n> 英伟达是算力投资最大受益者。',
    );
    expect(section(2)).toContain(
      `**中文**\n\n> ${claim.target.selector[0].exact}\n\n**English**\n\n> The company said it had trained a model`,
    );
    expect(section(3)).toContain('> 是否有必要继续大规模投资算力？中国AI创业公司DeepSeek爆火后，');
    expect(section(4)).toContain(`> ${question.target.selector[0].exact}`);
  });

  it('prefixes every line of a multi-line quote', () => {
    const twoBlocks = note('m1', 'en', 'a massive scale, and Nvidia is close to being a monopolist.\n\nBut in early 2025');
    expect(toMarkdown([twoBlocks], { title: 'T' })).toContain(
      '> a massive scale, and Nvidia is close to being a monopolist.\n>\n> But in early 2025\n',
    );
  });

  it('gives the note, its tags and source, then its replies', () => {
    expect(section(1)).toContain(
      `${comment.body}\n\nTags: capex, nvidia\n\n### Replies\n\n**王波** · 2025-03-02\n\n${comment.replies[0].body}`,
    );
    expect(section(2)).toContain(`${claim.body}\n\nTags: 成本, deepseek\n\nSource: <https://arxiv.org/abs/2412.19437>\n\n### Replies`);
    expect(section(2)).toContain(`**@carol** · 2025-03-02 · Supported\n\n${claim.replies[0].body}`);
    expect(section(3)).not.toContain('Tags:');
    expect(section(3)).not.toContain('### Replies');
  });

  it('says a note was deleted instead of giving its body, and keeps its thread', () => {
    expect(section(5)).toContain(`> ${deleted.target.selector[0].exact}`);
    expect(section(5)).toContain(
      '*This note was deleted by its author.*\n\n### Replies\n\n**王波** · 2025-03-02\n\n- Which giants, though?',
    );
  });

  it('says what it is and links each note to its place in the article, in the interface language', () => {
    const zh = toMarkdown(notes, {
      title: '《DeepSeek之后》的公开笔记',
      lang: 'zh',
      origin: 'https://reader.example',
      about: ['<https://reader.example/zh/articles/deepseek-capex>', '2026-12-06 导出自 https://reader.example。'],
    });
    expect(zh.startsWith('# 《DeepSeek之后》的公开笔记\n\n<https://reader.example/zh/articles/deepseek-capex>\n\n2026-12-06 导出自')).toBe(
      true,
    );
    expect(zh.match(/^## .*$/gm)).toEqual(['## 1. 评论', '## 2. 论断：有争议', '## 3. 划线', '## 4. 提问（已解决）', '## 5. 评论']);
    expect(zh).toContain(`[在文中查看](<https://reader.example/zh/articles/deepseek-capex#annotation-${claim.id}>)`);
    expect(zh).toContain('\n\n标签：成本, deepseek\n\n来源：<https://arxiv.org/abs/2412.19437>');
    expect(zh).toContain('### 回复');
    expect(zh).not.toMatch(/Comment|Replies|Tags|Shared|Only me/);
  });

  it('names each note’s article when the notes come from several', () => {
    const mine = toMarkdown([comment], {
      title: 'Notes by Alice',
      origin: 'https://r.example',
      articleTitle: () => 'Will DeepSeek [Lower] Demand?',
    });
    expect(mine).toContain('Article: [Will DeepSeek \\[Lower\\] Demand?](<https://r.example/en/articles/deepseek-capex>)');
    expect(mine).toContain(`[View in the article](<https://r.example/en/articles/deepseek-capex#annotation-${comment.id}>)`);
  });

  it('shows Markdown punctuation in names and tags as it is', () => {
    const odd = { ...highlight, author: { id: 'u', name: 'a_b*c' }, tags: ['#1'] };
    expect(toMarkdown([odd], { title: 'T' })).toContain('a\\_b\\*c · 2025-03-01');
    expect(toMarkdown([odd], { title: 'T' })).toContain('Tags: \\#1');
  });
});
