import { describe, expect, it } from 'vitest';
import { assignIds } from '@/lib/content/assign-ids';
import { textHash, type IdMap } from '@/lib/content/id-map';
import { parseArticle } from '@/lib/content/parse-article';
import type { ArticleLang } from '@/lib/content/types';

/** An article as blocks: a paragraph is its sentences as [Chinese, English] pairs; a figure is its number. */
type Shape = ([string, string][] | number)[];

const front = '---\ntitle: T\nsummary: S\ndate: "2025-02-11"\npublication: P\nbyline: B\nauthor: A\nsourceUrl: https://example.com\n---\n';

function source(shape: Shape, lang: ArticleLang): string {
  const blocks = shape.map((block) =>
    typeof block === 'number'
      ? `<Figure n={${block}} src="https://img.example/${block}" alt="a" caption="c" />`
      : block.map(([zh, en]) => (lang === 'zh' ? zh : en)).join('\n'),
  );
  return `${front}\n${blocks.join('\n\n')}\n`;
}

function mapOf(shape: Shape, previous?: IdMap): IdMap {
  const [zh, en] = [source(shape, 'zh'), source(shape, 'en')];
  const blocks = (text: string, lang: ArticleLang) => parseArticle(text, 'demo', lang).blocks;
  return assignIds(previous, blocks(zh, 'zh'), blocks(en, 'en'), { zh: textHash(zh), en: textHash(en) });
}

/** The map's ids, a block per entry: "p01: p01-s1 p01-s2". */
const ids = (map: IdMap) => map.blocks.map((b) => `${b.id}:${b.sentences.map((s) => ` ${s.id}`).join('')}`);

const s = (n: number): [string, string] => [`第${n}句。`, `Sentence ${n}.`];
const original: Shape = [1, [s(1), s(2), s(3)], [s(4), s(5)], [s(6)], [s(7), s(8)]];
const first = mapOf(original);

describe('assignIds', () => {
  it('gives a new article its positional ids, revision 1', () => {
    expect(ids(first)).toEqual(['f01:', 'p01: p01-s1 p01-s2 p01-s3', 'p02: p02-s1 p02-s2', 'p03: p03-s1', 'p04: p04-s1 p04-s2']);
    expect(first.revision).toBe(1);
    expect(first.retired).toEqual([]);
  });

  it('changes nothing, not even the revision, when nothing changed', () => {
    expect(mapOf(original, first)).toEqual(first);
  });

  it('keeps every id when one language of a sentence is reworded, and counts a revision', () => {
    const edited = mapOf([1, [s(1), ['第2句。', 'Sentence two, reworded.'], s(3)], [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited)).toEqual(ids(first));
    expect(edited.revision).toBe(2);
  });

  it('keeps the id of a sentence rewritten in both languages in place', () => {
    const edited = mapOf([1, [s(1), ['新的第二句。', 'A new second sentence.'], s(3)], [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited)).toEqual(ids(first));
  });

  it('gives only an inserted paragraph new ids', () => {
    const edited = mapOf([1, [s(1), s(2), s(3)], [s(90), s(91)], [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited)).toEqual([
      'f01:',
      'p01: p01-s1 p01-s2 p01-s3',
      'p05: p05-s1 p05-s2',
      'p02: p02-s1 p02-s2',
      'p03: p03-s1',
      'p04: p04-s1 p04-s2',
    ]);
    expect(edited.retired).toEqual([]);
  });

  it('retires the ids of a deleted paragraph and never gives them out again', () => {
    const deleted = mapOf([1, [s(1), s(2), s(3)], [s(6)], [s(7), s(8)]], first);
    expect(ids(deleted)).toEqual(['f01:', 'p01: p01-s1 p01-s2 p01-s3', 'p03: p03-s1', 'p04: p04-s1 p04-s2']);
    expect(deleted.retired).toEqual(['p02', 'p02-s1', 'p02-s2']);
    const added = mapOf([1, [s(1), s(2), s(3)], [s(6)], [s(7), s(8)], [s(95)]], deleted);
    expect(ids(added).at(-1)).toBe('p05: p05-s1');
  });

  it('retires a split sentence and gives its halves new ids, leaving its neighbours alone', () => {
    const edited = mapOf([1, [s(1), ['第2句前半，', 'Sentence 2, first half,'], ['后半。', 'second half.'], s(3)], [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited)[1]).toBe('p01: p01-s1 p01-s4 p01-s5 p01-s3');
    expect(edited.retired).toEqual(['p01-s2']);
    expect(ids(edited).slice(2)).toEqual(ids(first).slice(2));
  });

  it('keeps the first id of merged paragraphs; the sentences that moved are renamed under it', () => {
    const edited = mapOf([1, [s(1), s(2), s(3)], [s(4), s(5), s(6)], [s(7), s(8)]], first);
    expect(ids(edited)).toEqual(['f01:', 'p01: p01-s1 p01-s2 p01-s3', 'p02: p02-s1 p02-s2 p02-s3', 'p04: p04-s1 p04-s2']);
    expect(edited.retired).toEqual(['p03', 'p03-s1']);
  });

  it('keeps the first half of a split paragraph under its id; the second half is a new block', () => {
    const edited = mapOf([1, [s(1)], [s(2), s(3)], [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited).slice(1, 3)).toEqual(['p01: p01-s1', 'p05: p05-s1 p05-s2']);
    expect(edited.retired).toEqual(['p01-s2', 'p01-s3']);
    expect(ids(edited).slice(3)).toEqual(ids(first).slice(2));
  });

  it('numbers an inserted figure after the others and keeps the rest', () => {
    const edited = mapOf([1, [s(1), s(2), s(3)], 2, [s(4), s(5)], [s(6)], [s(7), s(8)]], first);
    expect(ids(edited)).toEqual(['f01:', 'p01: p01-s1 p01-s2 p01-s3', 'f02:', ...ids(first).slice(2)]);
  });

  it('keeps the ids of a paragraph moved elsewhere', () => {
    const edited = mapOf([1, [s(6)], [s(1), s(2), s(3)], [s(4), s(5)], [s(7), s(8)]], first);
    expect(new Set(ids(edited))).toEqual(new Set(ids(first)));
  });
});

describe('assignIds on any edit', () => {
  it('never gives one id to two places, nor out again once retired', () => {
    // Random edits of a random article, one after the other: every map stays a map.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let shape: Shape = original;
    let map = first;
    let n = 100;
    for (let round = 0; round < 200; round++) {
      const next = structuredClone(shape);
      const k = Math.floor(random() * next.length);
      const block = next[k];
      const pick = random();
      if (pick < 0.25) next.splice(k, 0, [s(n++)]);
      else if (pick < 0.4 && next.length > 2) next.splice(k, 1);
      else if (pick < 0.55) next.splice(k, 0, next.splice(Math.floor(random() * next.length), 1)[0]);
      else if (typeof block !== 'number' && pick < 0.8) block.splice(Math.floor(random() * (block.length + 1)), 0, s(n++));
      else if (typeof block !== 'number' && block.length > 1) block.splice(Math.floor(random() * block.length), 1);
      const edited = mapOf(next, map);
      const all = edited.blocks.flatMap((b) => [b.id, ...b.sentences.map((x) => x.id)]);
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((id) => edited.retired.includes(id))).toEqual([]);
      expect(new Set(edited.retired).size).toBe(edited.retired.length);
      [shape, map] = [next, edited];
    }
  }, 30_000);
});
