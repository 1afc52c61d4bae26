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
  // Hashes of our scripts, checked by the browser (integrity attributes), so pages stay static.
  experimental: { sri: { algorithm: 'sha256' } },
  // Pages get their Content-Security-Policy from proxy.ts (it replaces the default set here).
  async headers() {
    return securityHeaderRules({ development: process.env.NODE_ENV === 'development' });
  },
};

export default withNextIntl(nextConfig);
