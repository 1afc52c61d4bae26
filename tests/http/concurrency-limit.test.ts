import { describe, expect, it } from 'vitest';
import { enterLimited } from '@/lib/http/concurrency-limit';

describe('enterLimited', () => {
  it('admits one per key and two in all, and frees a place once', () => {
    const limits = { max: 2, perKey: 1 };
    const a = enterLimited('test-kind', 'a', limits);
    expect(a).not.toBeNull();
    expect(enterLimited('test-kind', 'a', limits)).toBeNull();
    const b = enterLimited('test-kind', 'b', limits);
    expect(b).not.toBeNull();
    expect(enterLimited('test-kind', 'c', limits)).toBeNull();
    a!();
    a!();
    const c = enterLimited('test-kind', 'c', limits);
    expect(c).not.toBeNull();
    expect(enterLimited('test-kind', 'd', limits)).toBeNull();
    b!();
    c!();
    expect(enterLimited('other-kind', 'a', limits)).not.toBeNull();
  });
});
