import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShapeProblem, parseJsonText } from '@/lib/http/parse-json';
import { ApiError } from '@/lib/http/api-error';

const limits = { maxDepth: 32, maxValues: 1000 };

describe('jsonShapeProblem', () => {
  it('passes ordinary JSON', () => {
    expect(jsonShapeProblem('{"a":[1,2,{"b":"c"}],"d":null}', limits)).toBeUndefined();
  });

  it('refuses nesting past the limit, in arrays and objects', () => {
    expect(jsonShapeProblem(`${'['.repeat(33)}${']'.repeat(33)}`, limits)).toMatch(/nested more than 32 deep/);
    expect(jsonShapeProblem(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`, limits)).toMatch(/nested more than 32 deep/);
    expect(jsonShapeProblem(`${'['.repeat(32)}${']'.repeat(32)}`, limits)).toBeUndefined();
  });

  it('refuses too many values', () => {
    expect(jsonShapeProblem(`[${'{},'.repeat(1000)}{}]`, limits)).toMatch(/more than 1000 values/);
    expect(jsonShapeProblem(`[${'0,'.repeat(1000)}0]`, limits)).toMatch(/more than 1000 values/);
  });

  it('ignores brackets and commas inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: `${'['.repeat(100)}"\\,,,${'{'.repeat(100)}` });
    expect(jsonShapeProblem(text, limits)).toBeUndefined();
  });

  it('stops early: two million levels are refused without parsing', () => {
    const text = `${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}`;
    const started = performance.now();
    expect(jsonShapeProblem(text, limits)).toMatch(/deep/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('never refuses what JSON.stringify makes of values within the limits', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
        const text = JSON.stringify(value);
        expect(jsonShapeProblem(text, { maxDepth: 32, maxValues: 1_000_000 })).toBeUndefined();
      }),
    );
  });
});

describe('parseJsonText', () => {
  it('parses within limits and answers 400 otherwise', () => {
    expect(parseJsonText('{"a":1}', limits)).toEqual({ a: 1 });
    for (const text of ['{"a":', `${'['.repeat(40)}${']'.repeat(40)}`]) {
      const error = (() => {
        try {
          parseJsonText(text, limits);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
    }
  });
});
