import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('UI messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('has no empty string', () => {
    const values = (m: object): unknown[] => Object.values(m).flatMap((v) => (typeof v === 'object' && v ? values(v) : [v]));
    expect([...values(en), ...values(zh)].filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });
});
