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
      '## 2. Claim: disputed',
      '## 3. Highlight',
      '## 4. Question (resolved)',
      '## 5. Comment',
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('gives the author, date and visibility', () => {
    expect(section(2)).toContain('\n\n王波 · 2025-03-01 · shared\n\n');
    expect(section(3)).toContain('\n\nAlice Chen · 2025-03-01 · private\n\n');
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
    expect(section(2)).toContain(`**@carol** · 2025-03-02 · supported\n\n${claim.replies[0].body}`);
    expect(section(3)).not.toContain('Tags:');
    expect(section(3)).not.toContain('### Replies');
  });

  it('says a note was deleted instead of giving its body, and keeps its thread', () => {
    expect(section(5)).toContain(`> ${deleted.target.selector[0].exact}`);
    expect(section(5)).toContain('*Deleted by its author.*\n\n### Replies\n\n**王波** · 2025-03-02\n\n- Which giants, though?');
  });

  it('shows Markdown punctuation in names and tags as it is', () => {
    const odd = { ...highlight, author: { id: 'u', name: 'a_b*c' }, tags: ['#1'] };
    expect(toMarkdown([odd], { title: 'T' })).toContain('a\\_b\\*c · 2025-03-01');
    expect(toMarkdown([odd], { title: 'T' })).toContain('Tags: \\#1');
  });
});
