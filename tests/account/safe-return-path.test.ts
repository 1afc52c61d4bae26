import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/account/safe-return-path';

const origin = 'http://localhost:3000';
const fallback = '/en';

// Every way a `next` value has been seen to leave a site after sign-in, and the paths that must still work.
const refused: [string, string][] = [
  ['a tab between slashes (found: browsers drop it and go to evil.example)', '/\t/evil.example'],
  ['a newline between slashes', '/\n/evil.example'],
  ['a carriage return', '/\r/evil.example'],
  ['a protocol-relative URL', '//evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['two backslashes', '/\\\\evil.example'],
  ['an encoded backslash is fine to refuse or keep, but a raw one is refused', '/\\/evil.example'],
  ['an absolute http URL', 'http://evil.example/'],
  ['an absolute https URL', 'https://evil.example/'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['a scheme-relative URL with credentials', '//user:pass@evil.example'],
  ['a relative path without a slash', 'evil.example'],
  ['a NUL', '/en\u0000/x'],
  ['a DEL', '/en\u007F'],
  ['leading whitespace', ' /en'],
  ['three slashes', '///evil.example'],
  ['an empty value', ''],
  ['an overlong value', `/${'a'.repeat(3000)}`],
];

const kept: [string, string, string][] = [
  ['a plain path', '/en/articles/deepseek-capex', '/en/articles/deepseek-capex'],
  [
    'a path with a query and a fragment',
    '/zh/articles/deepseek-capex?view=bilingual#annotation-1',
    '/zh/articles/deepseek-capex?view=bilingual#annotation-1',
  ],
  ['encoded slashes stay encoded in the path', '/en/%2F%2Fevil.example', '/en/%2F%2Fevil.example'],
  ['an encoded backslash stays encoded', '/en/%5Cevil.example', '/en/%5Cevil.example'],
  ['dot segments are resolved on this site', '/en/../zh', '/zh'],
  ['Chinese in the query', '/zh/my-notes?q=算力', '/zh/my-notes?q=%E7%AE%97%E5%8A%9B'],
];

describe('safeReturnPath', () => {
  it.each(refused)('refuses %s', (_name, value) => {
    expect(safeReturnPath(value, fallback, origin)).toBe(fallback);
  });

  it.each(kept)('keeps %s', (_name, value, expected) => {
    const path = safeReturnPath(value, fallback, origin);
    expect(path).toBe(expected);
    // Whatever it returns, a browser resolving it stays on this site.
    expect(new URL(path, origin).origin).toBe(origin);
  });

  it('falls back for null and undefined', () => {
    expect(safeReturnPath(null, fallback, origin)).toBe(fallback);
    expect(safeReturnPath(undefined, fallback, origin)).toBe(fallback);
  });
});
