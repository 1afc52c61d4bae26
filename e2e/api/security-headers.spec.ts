import { inlineScripts, scriptHashSource } from '../../lib/csp/inline-scripts';
import { expect, slug, test } from './api-fixtures';

const scriptSources = (csp: string) =>
  csp
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')!
    .slice(1);

// Prerendered pages (their HTML comes from `next build`, so nothing in it can carry a nonce) and pages
// rendered per request, in both locales; a page Next renders as a 404 answers with its own scripts too.
const pages = [
  { path: '/zh', kind: 'static' },
  { path: '/en', kind: 'static' },
  { path: `/zh/articles/${slug}`, kind: 'static' },
  { path: `/en/articles/${slug}?view=bilingual`, kind: 'static' },
  { path: '/zh/sign-in', kind: 'static' },
  { path: '/en/sign-in', kind: 'static' },
  { path: `/zh/articles/${slug}/review`, kind: 'dynamic' },
  { path: `/en/articles/${slug}/review`, kind: 'dynamic' },
  { path: '/en/my-notes', kind: 'dynamic' },
  { path: '/zh/my-notes', kind: 'dynamic' },
  { path: '/zh/no-such-page', kind: 'dynamic', status: 404 },
  { path: '/no-such-file.txt', kind: 'not found', status: 404 },
] as const;

for (const page of pages) {
  test(`${page.path}: security headers, and a script-src that allows exactly its inline scripts`, async ({ anonymous }) => {
    const response = await anonymous.get(page.path);
    expect(response.status()).toBe('status' in page ? page.status : 200);
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    const csp = headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    const sources = scriptSources(csp);
    expect(sources[0]).toBe("'self'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");

    const nonce = sources.find((source) => source.startsWith("'nonce-"));
    // Prerendered pages are still served from the build's HTML (Next marks them), with hashes alone.
    const prerendered = headers['x-nextjs-prerender']?.split(', ').includes('1') ?? false;
    if (page.kind === 'static') {
      expect(prerendered).toBe(true);
      expect(nonce).toBeUndefined();
    }
    if (page.kind === 'dynamic') {
      expect(prerendered).toBe(false);
      expect(nonce).toBeDefined();
    }

    const scripts = inlineScripts(await response.text());
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const allowed =
        sources.includes(scriptHashSource(script.text)) || (script.nonce !== undefined && nonce === `'nonce-${script.nonce}'`);
      expect(allowed, `inline script allowed: ${script.text.slice(0, 80)}`).toBe(true);
    }
  });
}

test('a page rendered per request gets a new nonce every time, on each of its scripts', async ({ anonymous }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const response = await anonymous.get('/en/my-notes');
    const nonce = scriptSources(response.headers()['content-security-policy']).find((source) => source.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    const html = await response.text();
    expect(inlineScripts(html).every((script) => `'nonce-${script.nonce}'` === nonce)).toBe(true);
    const external = [...html.matchAll(/<script [^>]*src="[^"]+"[^>]*>/g)].map((m) => m[0]);
    expect(external.length).toBeGreaterThan(0);
    for (const tag of external) expect(tag).toContain(`nonce="${nonce!.slice(7, -1)}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('a prerendered page gets the same policy every time (cacheable)', async ({ anonymous }) => {
  const [first, second] = await Promise.all([anonymous.get(`/zh/articles/${slug}`), anonymous.get(`/zh/articles/${slug}`)]);
  expect(first.headers()['content-security-policy']).toBe(second.headers()['content-security-policy']);
});

test('API answers allow nothing to load or run', async ({ anonymous }) => {
  const response = await anonymous.get('/api/session');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
});

test('page scripts carry their hashes (subresource integrity)', async ({ anonymous }) => {
  const html = await (await anonymous.get(`/zh/articles/${slug}`)).text();
  const external = [...html.matchAll(/<script src="[^"]+"[^>]*>/g)].map((m) => m[0]);
  expect(external.length).toBeGreaterThan(0);
  expect(external.filter((tag) => /integrity="sha256-/.test(tag)).length).toBeGreaterThan(0);
});
