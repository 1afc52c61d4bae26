// The security headers every answer carries. Plain .mjs so next.config.mjs can import it without a
// build step; proxy.ts imports it too (types in security-headers.d.mts).
//
// Scripts: our own origin only, each script file checked against its hash (experimental.sri), and
// no 'unsafe-inline': Next's inline bootstrap scripts (the RSC payload, 11 on an article page) run
// because the policy names them (docs/decisions/005-content-security-policy.md):
// - a prerendered page lists the 'sha256-…' hashes of its own inline scripts, computed after
//   `next build` from the HTML in .next/ (`npm run build` runs scripts/csp-hashes.ts, which writes
//   .next/csp-hashes.json); proxy.ts looks them up by the path it rewrote to. Nonces would make these
//   pages dynamic.
// - a page rendered per request gets a fresh 'nonce-…' from proxy.ts; Next reads it from the
//   request's CSP header and puts it on every script it renders.
// next.config.mjs sends the policy below without any inline script as the default, which proxy.ts
// replaces on every page it sees; API answers (JSON) get a policy that allows nothing.

/**
 * The policy of an HTML page. `scripts`: the sources that let this page's inline scripts run (their
 * hashes, or a nonce); none by default. Development allows every inline script and eval (React's
 * debugging needs eval; Next's dev scripts are not hashed).
 *
 * @param {{ development: boolean, scripts?: string[] }} options
 */
export function contentSecurityPolicy({ development, scripts = [] }) {
  const inline = development ? ["'unsafe-inline'", "'unsafe-eval'"] : scripts;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inline].join(' '),
    "style-src 'self' 'unsafe-inline'",
    // The article's photographs are hotlinked from the publisher's image host.
    "img-src 'self' data: https://inews.gtimg.com",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of API answers: JSON, CSV and redirects load nothing and run nothing. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @param {{ development: boolean }} options */
export function securityHeaders(options) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}

/**
 * next.config.mjs `headers()`: every answer, then the API's own policy (the last rule that sets a
 * header wins).
 *
 * @param {{ development: boolean }} options
 */
export function securityHeaderRules(options) {
  return [
    { source: '/:path*', headers: securityHeaders(options) },
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
  ];
}
