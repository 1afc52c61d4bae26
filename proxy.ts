import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from './i18n/routing';
import { loadCspManifest } from './lib/csp/load-manifest';
import { createNonce, nonceSource, pageScriptSources } from './lib/csp/page-policy';
import { askedPinyin, pinyinCookie, pinyinParam } from './lib/reader/pinyin';
import { defaultView, isReadingView, viewCookie } from './lib/reader/views';
import { contentSecurityPolicy } from './lib/security-headers.mjs';
import { annotationServiceRel, containerPath } from './lib/w3c/paths';

const handleI18nRouting = createMiddleware(routing);
const articlePath = /^\/(zh|en)\/articles\/([a-z0-9-]+)\/?$/;
const oneYear = 60 * 60 * 24 * 365;
const development = process.env.NODE_ENV === 'development';

/**
 * Locale routing, plus one rewrite: an article URL serves the statically generated variant for the
 * reading view asked for (`?view=`), else the reader's remembered one (cookie), else the default for
 * the interface language. The server HTML is then already in the right view: no flash, no layout
 * shift, and the view links work with JavaScript off. Pinyin over the Chinese is chosen the same
 * way (`?pinyin=1|0`, else the cookie) and served as the view's pinyin variant (…/{view}/pinyin).
 */
function route(request: NextRequest) {
  // Files (a path with a dot) are not localised; the proxy only sets their CSP.
  if (request.nextUrl.pathname.includes('.')) return NextResponse.next({ request: { headers: request.headers } });
  const match = request.nextUrl.pathname.match(articlePath);
  if (!match) return handleI18nRouting(request);

  const [, locale, slug] = match;
  const asked = request.nextUrl.searchParams.get('view');
  const remembered = request.cookies.get(viewCookie)?.value;
  const view = isReadingView(asked) ? asked : isReadingView(remembered) ? remembered : defaultView(locale);
  const pinyinAsked = askedPinyin(request.nextUrl.searchParams.get(pinyinParam));
  const pinyinRemembered = askedPinyin(request.cookies.get(pinyinCookie)?.value) ?? false;
  const pinyin = pinyinAsked ?? pinyinRemembered;

  // From request.url, not nextUrl: nextUrl renames 127.0.0.1 to localhost, and a rewrite to another
  // origin than the server's is sent through an HTTP proxy to itself (next.config.mjs, skipProxyUrlNormalize).
  const target = new URL(request.url);
  target.pathname = `/${locale}/articles/${slug}/${view}${pinyin ? '/pinyin' : ''}`;
  const response = NextResponse.rewrite(target, { request: { headers: request.headers } });
  // The answer depends on the reader's cookies (view, pinyin), which a shared cache keyed on the
  // address would not see: Next marks the prerendered variant `s-maxage`, which a CDN would keep and
  // serve to everyone. Kept by the reader's browser only, and revalidated (the variant's ETag).
  response.headers.set('Cache-Control', 'private, no-cache');
  // Discovery, as the W3C Web Annotation Protocol describes it: the article's annotation container.
  response.headers.set('Link', `<${containerPath(slug)}>; rel="${annotationServiceRel}"`);
  if (isReadingView(asked) && asked !== remembered) {
    response.cookies.set(viewCookie, asked, { path: '/', maxAge: oneYear, sameSite: 'lax' });
  }
  if (pinyinAsked !== undefined && pinyinAsked !== pinyinRemembered) {
    response.cookies.set(pinyinCookie, pinyinAsked ? '1' : '0', { path: '/', maxAge: oneYear, sameSite: 'lax' });
  }
  return response;
}

/**
 * Routes the request, then sends the Content-Security-Policy of the page it lands on: the hashes of
 * its inline scripts if it was prerendered, else a fresh nonce (docs/decisions/005). Next reads the
 * nonce from the request's CSP header and puts it on the scripts of a page it renders now.
 */
export default function proxy(request: NextRequest) {
  if (development) return route(request); // next.config.mjs's permissive development policy
  const manifest = loadCspManifest();
  const nonce = createNonce();
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', contentSecurityPolicy({ development, scripts: [nonceSource(nonce)] }));
  // Only the headers change; routing never reads the body, which Next forwards itself.
  const response = route(new NextRequest(request.url, { headers, method: request.method }));

  const rewrite = response.headers.get('x-middleware-rewrite');
  const rendered = rewrite ? new URL(rewrite).pathname : request.nextUrl.pathname;
  const scripts = pageScriptSources(manifest, rendered, nonce);
  response.headers.set('Content-Security-Policy', contentSecurityPolicy({ development, scripts }));
  return response;
}

export const config = {
  // Everything but API routes and Next internals (files too: a 404 page may answer for them).
  matcher: '/((?!api|_next|_vercel).*)',
};
