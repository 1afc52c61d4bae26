// The security headers every answer carries (next.config.mjs applies them). Plain .mjs so
// next.config.mjs can import it without a build step.
//
// Scripts: our own origin only, and each script file carries its hash (experimental.sri), so a
// tampered file does not run. Next's inline bootstrap scripts (the RSC payload, 11 on an article
// page) still need 'unsafe-inline': nonces would make the statically generated pages dynamic, and
// hashes of the inline scripts need a per-page manifest built after `next build` (static pages) plus
// nonces from proxy.ts (the dynamic ones). That is the next step (issue 5).

/** @param {{ development: boolean }} options */
export function contentSecurityPolicy({ development }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
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
