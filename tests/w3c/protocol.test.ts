// The protocol's small rules: Prefer, content negotiation, container IRIs that end in "/", bearer headers.
import { describe, expect, it } from 'vitest';
import { bearerToken, newToken } from '@/lib/tokens/token-format';
import { routableTarget } from '@/lib/w3c/paths';
import { annotationMediaType, containerPreference, negotiatedType } from '@/lib/w3c/protocol';

describe('Prefer', () => {
  it.each([
    [null, 'descriptions'],
    ['return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"', 'minimal'],
    ['return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"', 'iris'],
    ['return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"', 'descriptions'],
    ['return=minimal', 'descriptions'],
    ['return=representation;include="http://example.org/unknown"', 'descriptions'],
  ])('%s → %s', (prefer, expected) => expect(containerPreference(prefer)).toBe(expected));
});

describe('content negotiation', () => {
  it('answers JSON-LD with the anno profile by default, plain JSON when only that is acceptable, 406 otherwise', () => {
    expect(negotiatedType(null)).toBe(annotationMediaType);
    expect(negotiatedType('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"')).toBe(annotationMediaType);
    expect(negotiatedType('text/html, */*;q=0.8')).toBe(annotationMediaType);
    expect(negotiatedType('application/json')).toBe('application/json');
    expect(() => negotiatedType('text/html')).toThrow(/JSON-LD/);
    expect(() => negotiatedType('application/ld+json;q=0, text/html')).toThrow();
  });
});

describe('container IRIs', () => {
  it('reach Next without their final "/"; nothing else changes', () => {
    expect(routableTarget('/api/w3c/deepseek-capex/')).toBe('/api/w3c/deepseek-capex');
    expect(routableTarget('/api/w3c/deepseek-capex/?page=first&limit=2')).toBe('/api/w3c/deepseek-capex?page=first&limit=2');
    expect(routableTarget('/api/w3c/deepseek-capex/abc')).toBe('/api/w3c/deepseek-capex/abc');
    expect(routableTarget('/zh/articles/deepseek-capex/')).toBe('/zh/articles/deepseek-capex/');
  });
});

describe('bearer tokens', () => {
  it('reads a Bearer token, refuses a Bearer value that is no token, and leaves other schemes (a proxy’s Basic) alone', () => {
    const token = newToken();
    expect(bearerToken(new Headers({ authorization: `Bearer ${token}` }))).toBe(token);
    expect(bearerToken(new Headers({ authorization: `bearer  ${token}` }))).toBe(token);
    expect(bearerToken(new Headers())).toBeUndefined();
    for (const header of ['Basic dXNlcjpwYXNz', `Token ${token}`, 'Bearertoken'])
      expect(bearerToken(new Headers({ authorization: header })), header).toBeUndefined();
    for (const header of ['Bearer', `Bearer ${token} extra`, `Bearer ${token}x`, 'Bearer rdr_short'])
      expect(bearerToken(new Headers({ authorization: header })), header).toBeNull();
    expect(newToken()).not.toBe(token);
  });
});
