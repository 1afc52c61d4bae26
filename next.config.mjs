import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaderRules } from './lib/security-headers.mjs';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  // Messages compiled at build time: the browser formats them without parsing ICU or resolving
  // locales through Intl, which cost a slow phone ~130 ms on the article page (docs/decisions/010).
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // mdx-bundler and esbuild run at build time on the server; keep esbuild's native binary out of the bundle.
  serverExternalPackages: ['esbuild', 'mdx-bundler'],
  // proxy.ts gets the request's URL as the server was started (its `-H` host and port) in
  // request.url. Otherwise that URL says localhost where the server was started on 127.0.0.1 (as
  // behind nginx), the rewrite to an article's view variant has another origin than the server's
  // own, and Next sends it through an HTTP proxy to itself: a second request and connection for every
  // article page, which under load waited behind everything else, and failed with ECONNRESET.
  // Nothing here uses the normalisation this skips (Pages Router /_next/data URLs).
  skipProxyUrlNormalize: true,
  experimental: {
    // Hashes of our scripts, checked by the browser (integrity attributes), so pages stay static.
    sri: { algorithm: 'sha256' },
    // The stylesheet in the page's <head> rather than fetched after it (+14 KB gzip a page: Next
    // sends it twice, in a <style> and in React's payload): on a slow
    // network the first paint no longer waits a round trip for it, ~0.5 s sooner on Lighthouse's
    // slow 4G, on every page (docs/decisions/010). A returning reader downloads it again with each
    // page it loads afresh; client navigations still use the cached file.
    inlineCss: true,
  },
  // Pages get their Content-Security-Policy from proxy.ts (it replaces the default set here).
  async headers() {
    return securityHeaderRules({ development: process.env.NODE_ENV === 'development' });
  },
};

export default withNextIntl(nextConfig);
