import { describe, expect, it } from 'vitest';
import { validateSelectors } from '@/lib/anchoring/validate-selectors';
import { createAnnotationSchema, createReplySchema, editorialVerdictSchema, maxBodyLength } from '@/lib/annotations/schema';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import { demoNotes, demoReaders, demoReplies, demoVerdicts } from '@/lib/seed/demo-data';
import { demoAnnotationInput, demoArticle, locateQuote } from '@/lib/seed/locate-quote';

const count = (text: string, quote: string) => text.split(quote).length - 1;
const notesByKey = new Map(demoNotes.map((note) => [note.key, note]));
const readerKeys = new Set(demoReaders.map((reader) => reader.key));

describe('demo readers', () => {
  it('have unique keys and emails, example.com addresses, and no password in the repository', () => {
    expect(readerKeys.size).toBe(demoReaders.length);
    expect(new Set(demoReaders.map((reader) => reader.email)).size).toBe(demoReaders.length);
    expect(readerKeys.has('moderator')).toBe(true);
    for (const reader of demoReaders) {
      expect(reader.email).toMatch(/^[a-z0-9.]+@example\.com$/);
      expect(reader).not.toHaveProperty('password');
      expect(reader.name.trim()).not.toBe('');
    }
  });
});

describe.each(demoNotes.map((note) => [note.key, note] as const))('demo note %s', (_key, note) => {
  it('quotes a short passage that occurs once, or names its occurrence', () => {
    const { text } = articleCanonicalText(demoArticle, note.lang);
    const times = count(text, note.quote);
    expect(times, note.quote).toBeGreaterThan(0);
    if (note.occurrence === undefined) expect(times, note.quote).toBe(1);
    else expect(times, `${note.quote}: occurrence only for repeated quotes`).toBeGreaterThan(1);
    if (note.lang === 'zh') expect([...note.quote].length).toBeGreaterThanOrEqual(4);
    if (note.lang === 'zh') expect([...note.quote].length).toBeLessThanOrEqual(40);
    if (note.lang === 'en') expect(note.quote.split(/\s+/).length).toBeGreaterThanOrEqual(3);
    if (note.lang === 'en') expect(note.quote.split(/\s+/).length).toBeLessThanOrEqual(15);
  });

  it('resolves to selectors the API accepts', () => {
    const located = locateQuote(note.lang, note.quote, note.occurrence);
    const [quote, position] = located.target.selector;
    expect(quote.exact).toBe(note.quote);
    const claims = { ...quote, ...position, blockId: located.blockId, sentenceIds: located.sentenceIds };
    expect(validateSelectors(articleCanonicalText(demoArticle, note.lang), claims)).toEqual([]);

    const parsed = createAnnotationSchema.safeParse(demoAnnotationInput(note));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.verdict).toBe(note.kind === 'claim' ? (note.verdict ?? 'unverified') : null);
    expect(parsed.data?.visibility).toBe(note.visibility);
  });

  it('has an existing author, claim-only verdict and source, and a body within limits', () => {
    expect(readerKeys.has(note.author)).toBe(true);
    if (note.kind !== 'claim') {
      expect(note.verdict).toBeUndefined();
      expect(note.sourceUrl).toBeUndefined();
    }
    if (note.sourceUrl) expect(new URL(note.sourceUrl).protocol).toBe('https:');
    if (note.resolved) expect(note.kind).toBe('question');
    expect(note.body.length).toBeLessThan(maxBodyLength);
    if (note.kind !== 'highlight') expect(note.body.trim()).not.toBe('');
  });
});

describe('demo notes together', () => {
  it('have unique keys', () => {
    expect(notesByKey.size).toBe(demoNotes.length);
  });

  it('make a realistic review page: both languages, every kind, every verdict but none forced', () => {
    const shared = demoNotes.filter((note) => note.visibility === 'shared');
    expect(shared.length).toBeGreaterThanOrEqual(16);
    expect(shared.length).toBeLessThanOrEqual(20);
    expect(demoNotes.filter((note) => note.visibility === 'private')).toHaveLength(2);
    expect(new Set(shared.map((note) => note.lang))).toEqual(new Set(['zh', 'en']));
    expect(new Set(shared.map((note) => note.kind))).toEqual(new Set(['highlight', 'comment', 'question', 'claim']));
    expect(new Set(shared.map((note) => note.verdict).filter(Boolean))).toEqual(new Set(['supported', 'disputed', 'false', 'unverified']));
    expect(shared.some((note) => note.kind === 'highlight' && note.body === '')).toBe(true);
    expect(demoNotes.filter((note) => note.resolved)).toHaveLength(1);
  });

  it.each([
    ['the 2025 total written as 3200万美元', ['3200万美元', '$32 million']],
    ["Nvidia's share price written as 133.6亿美元", ['133.6亿美元', '$13.36 billion']],
  ])('cover the slip: %s, with a false or disputed claim', (_slip, spellings) => {
    const claims = demoNotes.filter(
      (note) => note.kind === 'claim' && note.visibility === 'shared' && spellings.some((spelling) => note.quote.includes(spelling)),
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(['false', 'disputed']).toContain(claim.verdict);
  });
});

describe('demo replies', () => {
  it('go under existing shared notes, by existing readers, and pass the reply schema', () => {
    for (const reply of demoReplies) {
      const note = notesByKey.get(reply.note);
      expect(note, reply.note).toBeDefined();
      expect(note?.visibility).toBe('shared');
      expect(readerKeys.has(reply.author)).toBe(true);
      if (reply.verdict) expect(note?.kind, `verdict on a reply to ${reply.note}`).toBe('claim');
      expect(reply.body.length).toBeLessThan(maxBodyLength);
      const parsed = createReplySchema.safeParse({ body: reply.body, ...(reply.verdict ? { verdict: reply.verdict } : {}) });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('discuss both slips, with at least one reply giving its own verdict', () => {
    const slips = ['slip-total', 'slip-nvidia'];
    for (const slip of slips) expect(demoReplies.some((reply) => reply.note === slip)).toBe(true);
    expect(demoReplies.some((reply) => slips.includes(reply.note) && reply.verdict)).toBe(true);
  });

  it('answer the resolved question', () => {
    const resolved = demoNotes.find((note) => note.resolved)!;
    expect(demoReplies.some((reply) => reply.note === resolved.key && reply.author !== resolved.author)).toBe(true);
  });
});

describe('locateQuote', () => {
  it('throws, naming the quote, when it is missing, ambiguous or the occurrence does not exist', () => {
    expect(() => locateQuote('zh', '这句话不在文章里')).toThrow(/这句话不在文章里/);
    expect(() => locateQuote('zh', '微软AI业务年化收入超过130亿美元')).toThrow(/微软AI业务年化收入超过130亿美元.*2 times/);
    expect(() => locateQuote('zh', '微软AI业务年化收入超过130亿美元', 3)).toThrow(/occurrence 3/);
  });

  it('takes the requested occurrence', () => {
    const first = locateQuote('zh', '微软AI业务年化收入超过130亿美元', 1);
    const second = locateQuote('zh', '微软AI业务年化收入超过130亿美元', 2);
    expect(second.target.selector[1].start).toBeGreaterThan(first.target.selector[1].end);
    expect(second.blockId).not.toBe(first.blockId);
  });
});

describe('demo editorial verdicts', () => {
  it('review the two slips and at least three figures, each on one sentence the API accepts', () => {
    const zh = articleCanonicalText(demoArticle, 'zh').text;
    expect(demoVerdicts.some((v) => v.quote.includes('3200万美元'))).toBe(true);
    expect(demoVerdicts.some((v) => v.quote.includes('133.6亿美元'))).toBe(true);
    expect(demoVerdicts.length).toBeGreaterThanOrEqual(5);
    const sentences = demoVerdicts.map((verdict) => {
      expect(count(zh, verdict.quote), verdict.quote).toBe(1);
      const { quote: _quote, ...fields } = verdict;
      expect(editorialVerdictSchema.safeParse({ action: 'publish', ...fields, version: 0 }).success).toBe(true);
      return locateQuote('zh', verdict.quote).sentenceIds;
    });
    expect(sentences.every((ids) => ids.length === 1)).toBe(true);
    expect(new Set(sentences.flat()).size).toBe(demoVerdicts.length);
  });
});
