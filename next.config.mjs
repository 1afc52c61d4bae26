import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // mdx-bundler and esbuild run at build time on the server; keep esbuild's native binary out of the bundle.
  serverExternalPackages: ['esbuild', 'mdx-bundler'],
};

export default withNextIntl(nextConfig);
