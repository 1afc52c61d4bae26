import { describe, expect, it } from 'vitest';
import { createCspManifest, type CspManifest, type PrerenderManifest } from '@/lib/csp/manifest';
import { createNonce, pageScriptSources } from '@/lib/csp/page-policy';
import { apiContentSecurityPolicy, contentSecurityPolicy, securityHeaderRules } from '@/lib/security-headers.mjs';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('the page policy', () => {
  it('lists the page’s script sources after self, and keeps every other directive', () => {
    const policy = contentSecurityPolicy({ development: false, scripts: ["'sha256-a'", "'sha256-b'"] });
    expect(directive(policy, 'script-src')).toBe("'self' 'sha256-a' 'sha256-b'");
    expect(directive(policy, 'default-src')).toBe("'self'");
    expect(directive(policy, 'style-src')).toBe("'self' 'unsafe-inline'");
    expect(directive(policy, 'img-src')).toBe("'self' data: https://inews.gtimg.com");
    expect(directive(policy, 'object-src')).toBe("'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("'none'");
    expect(directive(policy, 'base-uri')).toBe("'self'");
    expect(directive(policy, 'form-action')).toBe("'self'");
  });

  it('allows no inline script by default, and no eval in production', () => {
    expect(directive(contentSecurityPolicy({ development: false }), 'script-src')).toBe("'self'");
  });

  it('stays permissive in development', () => {
    expect(directive(contentSecurityPolicy({ development: true, scripts: ["'nonce-x'"] }), 'script-src')).toBe(
      "'self' 'unsafe-inline' 'unsafe-eval'",
    );
  });

  it('gives API answers a policy of their own, after the default for everything', () => {
    const rules = securityHeaderRules({ development: false });
    const csp = (source: string) =>
      rules.find((rule) => rule.source === source)?.headers.find((h) => h.key === 'Content-Security-Policy')?.value;
    expect(rules.map((rule) => rule.source)).toEqual(['/:path*', '/api/:path*']);
    expect(csp('/:path*')).toBe(contentSecurityPolicy({ development: false }));
    expect(csp('/api/:path*')).toBe(apiContentSecurityPolicy);
    expect(apiContentSecurityPolicy).toContain("default-src 'none'");
  });
});

describe('a page’s script sources', () => {
  const manifest: CspManifest = {
    buildId: 'b1',
    pages: {
      '/zh': ["'sha256-zh'"],
      '/zh/articles/a/bilingual': ["'sha256-layout'", "'sha256-article'"],
      '/_not-found': ["'sha256-layout'", "'sha256-404'"],
      '/_global-error': ["'sha256-layout'", "'sha256-500'"],
    },
  };

  it('are the hashes of a prerendered page, by the path it is rendered at', () => {
    expect(pageScriptSources(manifest, '/zh/articles/a/bilingual', 'n')).toEqual(["'sha256-layout'", "'sha256-article'"]);
    expect(pageScriptSources(manifest, '/zh/', 'n')).toEqual(["'sha256-zh'"]);
  });

  it('are the nonce, and Next’s own error pages, for any other page', () => {
    expect(pageScriptSources(manifest, '/zh/my-notes', 'n0nce')).toEqual([
      "'nonce-n0nce'",
      "'sha256-layout'",
      "'sha256-404'",
      "'sha256-500'",
    ]);
    expect(pageScriptSources(manifest, '/zh/articles/a', 'n')[0]).toBe("'nonce-n'");
  });

  it("fall back to 'unsafe-inline' without a manifest, as no page can be told static", () => {
    expect(pageScriptSources(undefined, '/zh', 'n')).toEqual(["'unsafe-inline'"]);
  });

  it('use nonces of 128 random bits, never twice', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('the manifest of a build', () => {
  const html: Record<string, string> = {
    '/zh': '<script>a()</script><script>b()</script>',
    '/_not-found': '<script>c()</script>',
  };
  const prerender = (overrides: Partial<PrerenderManifest> = {}): PrerenderManifest => ({
    routes: {
      '/zh': { routeType: 'page', initialRevalidateSeconds: false },
      '/_not-found': { routeType: 'page', initialRevalidateSeconds: false },
      '/icon.svg': { routeType: 'route', initialRevalidateSeconds: false },
    },
    dynamicRoutes: { '/[locale]': { fallback: false } },
    ...overrides,
  });
  const read = (route: string) => {
    if (!(route in html)) throw new Error(`ENOENT ${route}`);
    return html[route];
  };

  it('hashes each prerendered page, and only pages', () => {
    const manifest = createCspManifest('b1', prerender(), read);
    expect(manifest.buildId).toBe('b1');
    expect(Object.keys(manifest.pages)).toEqual(['/zh', '/_not-found']);
    expect(manifest.pages['/zh']).toHaveLength(2);
  });

  it('refuses pages that would be rendered again at run time, or whose HTML is missing', () => {
    const revalidating = prerender({ routes: { '/zh': { routeType: 'page', initialRevalidateSeconds: 60 } } });
    expect(() => createCspManifest('b1', revalidating, read)).toThrow(/\/zh revalidates every 60 s/);
    const onDemand = prerender({ dynamicRoutes: { '/[locale]/[slug]': { fallback: null } } });
    expect(() => createCspManifest('b1', onDemand, read)).toThrow(/\/\[locale\]\/\[slug\] renders unlisted params on demand/);
    const missing = prerender({ routes: { '/en': { routeType: 'page', initialRevalidateSeconds: false } } });
    expect(() => createCspManifest('b1', missing, read)).toThrow(/\/en: no prerendered HTML/);
  });
});
