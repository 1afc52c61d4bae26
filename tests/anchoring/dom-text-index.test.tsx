// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe';
import { buildDomTextIndex, offsetsToRange, rangeToOffsets, type DomTextIndex } from '@/lib/anchoring/dom-text-index';
import { articleSource, original, seededRandom } from './support/article';
import { renderArticleBody } from './support/render-article';

let container: HTMLElement;
beforeAll(async () => {
  container = await renderArticleBody({ zh: articleSource('zh'), en: articleSource('en') });
});

function rangeOf(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

const sentenceElement = (lang: string, id: string) => container.querySelector(`.block[data-lang="${lang}"] [data-sid="${id}"]`)!;

/** The first text node in a sentence (its first child may be a <strong>). */
const firstText = (lang: string, id: string) => document.createTreeWalker(sentenceElement(lang, id), NodeFilter.SHOW_TEXT).nextNode()!;

describe.each(['zh', 'en'] as const)('the DOM text index of the rendered %s article', (lang) => {
  let index: DomTextIndex;
  beforeAll(() => {
    index = buildDomTextIndex(container, lang);
  });
  const canonical = original(lang);

  it('has exactly the canonical text and sentences built from the MDX', () => {
    expect(index.text).toBe(canonical.text);
    expect(index.sentences).toEqual(canonical.sentences);
  });

  it('maps every sentence to a range whose text is the sentence (notes excluded)', () => {
    for (const s of index.sentences) {
      const range = offsetsToRange(index, s.start, s.end);
      expect(sentenceElement(lang, s.id).contains(range.commonAncestorContainer)).toBe(true);
      expect(range.toString().replace(/\s+$/, '')).toBe(index.text.slice(s.start, s.end));
      expect(rangeToOffsets(index, range)).toEqual({ start: s.start, end: s.end });
    }
  });

  it('converts random selections to ranges and back', () => {
    const random = seededRandom(lang === 'zh' ? 7 : 8);
    for (let i = 0; i < 150; i++) {
      const from = Math.floor(random() * index.text.length);
      const description = describeOffsets(index, from, Math.min(index.text.length, from + 1 + Math.floor(random() * 500)));
      if (!description) continue;
      const { start, end } = description.selectors[1];
      const range = offsetsToRange(index, start, end);
      expect(range.collapsed).toBe(false);
      expect(rangeToOffsets(index, range)).toEqual({ start, end });
      if (description.sentenceIds.length === 1 && !range.cloneContents().querySelector('[role="note"]')) {
        expect(range.toString()).toBe(description.selectors[0].exact);
      }
    }
  });

  it('clamps offsets, and gives a collapsed range for offsets that cover only a separator', () => {
    const [first, second] = index.sentences.filter((s) => s.blockId !== index.sentences[0].blockId);
    expect(rangeToOffsets(index, offsetsToRange(index, -10, 5))).toEqual({ start: 0, end: 5 });
    expect(rangeToOffsets(index, offsetsToRange(index, index.text.length - 3, 10 ** 9))).toEqual({
      start: index.text.length - 3,
      end: index.text.length,
    });
    expect(offsetsToRange(index, first.start - 2, first.start).collapsed).toBe(true); // the blank line before a block
    expect(offsetsToRange(index, 5, 5).collapsed).toBe(true);
    expect(offsetsToRange(index, Number.NaN, 5).toString()).toBe(index.text.slice(0, 5));
    // A range ending in the gap between two sentences stops at the end of the first one.
    expect(rangeToOffsets(index, offsetsToRange(index, first.start, second.start))).toEqual({ start: first.start, end: first.end });
  });

  it('accepts boundaries on elements as well as text nodes', () => {
    const s = index.sentences[10];
    const element = sentenceElement(lang, s.id);
    expect(rangeToOffsets(index, rangeOf(element, 0, element, element.childNodes.length))).toEqual({ start: s.start, end: s.end });
    const block = element.closest('.block')!;
    const blockSentences = index.sentences.filter((x) => x.blockId === s.blockId);
    expect(rangeToOffsets(index, rangeOf(block, 0, block, block.childNodes.length))).toEqual({
      start: blockSentences[0].start,
      end: blockSentences.at(-1)!.end,
    });
  });

  it('gives the whole text for a selection of the whole container', () => {
    const range = document.createRange();
    range.selectNodeContents(container);
    expect(rangeToOffsets(index, range)).toEqual({ start: 0, end: index.text.length });
  });

  it('returns null for a range in the other language, or across both', () => {
    const other = lang === 'zh' ? 'en' : 'zh';
    const here = firstText(lang, 'p03-s1');
    const there = firstText(other, 'p03-s1');
    expect(rangeToOffsets(index, rangeOf(there, 0, there, 3))).toBeNull();
    const [from, to] = lang === 'zh' ? [here, there] : [there, here];
    expect(rangeToOffsets(index, rangeOf(from, 0, to, 3))).toBeNull();
  });
});

describe('ranges with boundaries outside the sentences', () => {
  let zh: DomTextIndex;
  let en: DomTextIndex;
  beforeAll(() => {
    zh = buildDomTextIndex(container, 'zh');
    en = buildDomTextIndex(container, 'en');
  });
  const span = (index: DomTextIndex, id: string) => index.sentences.find((s) => s.id === id)!;

  it('moves a boundary in the space between English sentences to the nearest sentence inside the range', () => {
    const separator = sentenceElement('en', 'p01-s2').previousSibling!;
    expect(separator.nodeType === Node.TEXT_NODE && separator.textContent).toBe(' ');
    const second = firstText('en', 'p01-s2');
    expect(rangeToOffsets(en, rangeOf(separator, 0, second, 5))).toEqual({
      start: span(en, 'p01-s2').start,
      end: span(en, 'p01-s2').start + 5,
    });
    const first = firstText('en', 'p01-s1');
    expect(rangeToOffsets(en, rangeOf(first, 3, separator, 1))).toEqual({ start: 3, end: span(en, 'p01-s1').end });
    expect(rangeToOffsets(en, rangeOf(separator, 0, separator, 1))).toBeNull();
  });

  it("moves a boundary in a translator's note out of it", () => {
    const note = container.querySelector('.block[data-lang="en"] [role="note"]')!;
    const sentence = note.closest('[data-sid]')!;
    const s = span(en, sentence.getAttribute('data-sid')!);
    const noteText = note.lastChild!;
    expect(noteText.textContent).toContain('The Chinese idiom');
    // Ending in the note: the selection stops where the sentence's own text does.
    expect(rangeToOffsets(en, rangeOf(sentence.firstChild!, 0, noteText, 10))).toEqual({ start: s.start, end: s.end });
    // Starting in the note: it starts at the next text after the note.
    const next = en.sentences[en.sentences.indexOf(s) + 1];
    const nextNode = firstText('en', next.id);
    expect(rangeToOffsets(en, rangeOf(noteText, 5, nextNode, 4))).toEqual({ start: next.start, end: next.start + 4 });
    expect(rangeToOffsets(en, rangeOf(noteText, 0, noteText, 10))).toBeNull();
  });

  it("moves a boundary in a Chinese paragraph's translation toggle to the neighbouring text", () => {
    const toggle = container.querySelector('.block[data-lang="zh"][data-block="p01"] .translation-toggle')!;
    const toggleText = toggle.querySelector('.translation-toggle-show')!.firstChild!;
    const lastOfP01 = zh.sentences.filter((s) => s.blockId === 'p01').at(-1)!;
    const firstOfP02 = span(zh, 'p02-s1');
    const p02 = firstText('zh', 'p02-s1');
    expect(rangeToOffsets(zh, rangeOf(toggleText, 1, p02, 2))).toEqual({ start: firstOfP02.start, end: firstOfP02.start + 2 });
    const p01 = firstText('zh', 'p01-s1');
    expect(rangeToOffsets(zh, rangeOf(p01, 0, toggleText, 2))).toEqual({ start: 0, end: lastOfP01.end });
    expect(rangeToOffsets(zh, rangeOf(toggleText, 0, toggleText, 2))).toBeNull();
  });

  it('starts a range that begins in a figure caption at the next sentence', () => {
    const caption = container.querySelector('.block[data-lang="zh"] figcaption')!.firstChild!;
    const p01 = firstText('zh', 'p01-s1');
    expect(rangeToOffsets(zh, rangeOf(caption, 0, p01, 3))).toEqual({ start: 0, end: 3 });
  });

  it('gives null for a range outside the article body', () => {
    const outside = document.createElement('p');
    outside.textContent = 'Header';
    document.body.prepend(outside);
    expect(rangeToOffsets(zh, rangeOf(outside.firstChild!, 0, outside.firstChild!, 3))).toBeNull();
    outside.remove();
  });
});
