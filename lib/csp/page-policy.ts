import type { CspManifest } from './manifest';

/** Pages Next prerenders itself and may answer any path with (a 404 outside the locales, a crash). */
const nextErrorPages = ['/_not-found', '/_global-error'];

/** A fresh nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export const nonceSource = (nonce: string) => `'nonce-${nonce}'`;

/**
 * The script-src sources for the inline scripts of the page at `path` (the path Next renders, after
 * the proxy's rewrites):
 * - a prerendered page: the hashes of its inline scripts;
 * - any other page is rendered for this request: the nonce Next puts on its scripts, plus the
 *   hashes of Next's prerendered error pages, which it may send instead;
 * - no usable manifest (not built by `npm run build`, or another build's): 'unsafe-inline', as before
 *   hashes, since static and dynamic pages cannot be told apart. The caller logs that as an error.
 */
export function pageScriptSources(manifest: CspManifest | undefined, path: string, nonce: string): string[] {
  if (!manifest) return ["'unsafe-inline'"];
  const page = manifest.pages[path.length > 1 ? path.replace(/\/+$/, '') : path];
  if (page) return page;
  return [nonceSource(nonce), ...new Set(nextErrorPages.flatMap((errorPage) => manifest.pages[errorPage] ?? []))];
}
