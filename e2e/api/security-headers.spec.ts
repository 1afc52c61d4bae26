import { expect, test } from './api-fixtures';

for (const path of ['/zh', '/en/articles/deepseek-capex', '/zh/articles/deepseek-capex/review', '/api/session']) {
  test(`security headers on ${path}`, async ({ anonymous }) => {
    const response = await anonymous.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    const csp = headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('unsafe-eval');
  });
}

test('page scripts carry their hashes (subresource integrity)', async ({ anonymous }) => {
  const html = await (await anonymous.get('/zh/articles/deepseek-capex')).text();
  const external = [...html.matchAll(/<script src="[^"]+"[^>]*>/g)].map((m) => m[0]);
  expect(external.length).toBeGreaterThan(0);
  expect(external.filter((tag) => /integrity="sha256-/.test(tag)).length).toBeGreaterThan(0);
});
