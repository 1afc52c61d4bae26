import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaderRules } from './lib/security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // mdx-bundler and esbuild run at build time on the server; keep esbuild's native binary out of the bundle.
  serverExternalPackages: ['esbuild', 'mdx-bundler'],
  // Bundled, not loaded from node_modules: Pages API routes (pages/api, decision 7) would otherwise
  // load `server-only`'s throwing entry instead of the empty one server code gets.
  transpilePackages: ['server-only'],
  // Hashes of our scripts, checked by the browser (integrity attributes), so pages stay static.
  experimental: { sri: { algorithm: 'sha256' } },
  // Pages get their Content-Security-Policy from proxy.ts (it replaces the default set here).
  async headers() {
    return securityHeaderRules({ development: process.env.NODE_ENV === 'development' });
  },
};

export default withNextIntl(nextConfig);
