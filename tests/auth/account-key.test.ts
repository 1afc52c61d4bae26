import { describe, expect, it } from 'vitest';
import { accountKey } from '@/lib/auth/auth-hooks';

describe('accountKey', () => {
  it('is one short digest per account, whatever the case of the email', () => {
    const key = accountKey('Ada@Example.test');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accountKey('ada@example.test')).toBe(key);
    expect(accountKey('bo@example.test')).not.toBe(key);
  });

  it('counts strings better-auth may refuse as malformed, but keeps nothing of an 8 KB "email"', () => {
    expect(accountKey('not an email')).not.toBeNull();
    expect(accountKey(`${'a'.repeat(8000)}@example.test`)).toBeNull();
    expect(accountKey(['ada@example.test'])).toBeNull();
  });
});
