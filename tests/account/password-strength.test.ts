import { describe, expect, it } from 'vitest';
import { passwordWeakness } from '@/lib/account/password-strength';

describe('passwordWeakness', () => {
  it.each([
    ['12345678', 'common'],
    ['password123', 'common'],
    ['          ', 'pattern'],
    ['qwertyuiop', 'common'],
    ['abcdefghijk', 'pattern'],
  ])('finds %j weak (%s)', async (password, reason) => {
    expect(await passwordWeakness(password)).toBe(reason);
  });

  it('counts the reader’s own name and email as guessable', async () => {
    expect(await passwordWeakness('danielhart', ['Daniel Hart', 'daniel.hart@example.com'])).toBe('personal');
  });

  it.each(['correct horse battery', 'quiet ledger orbit 42', '林晓雯的密码很长很长', 'Tr0ub4dor&3'])('accepts %j', async (password) => {
    expect(await passwordWeakness(password)).toBeNull();
  });

  it('rates a 128-character password quickly (only its first 100 characters are rated)', async () => {
    await passwordWeakness('warm up the worker');
    const started = performance.now();
    expect(await passwordWeakness('a1b2'.repeat(32))).not.toBe(undefined);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
