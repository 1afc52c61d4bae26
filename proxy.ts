import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { defaultView, isReadingView, viewCookie } from './lib/reader/views';

const handleI18nRouting = createMiddleware(routing);
const articlePath = /^\/(zh|en)\/articles\/([a-z0-9-]+)\/?$/;
const oneYear = 60 * 60 * 24 * 365;

/**
 * Locale routing, plus one rewrite: an article URL serves the statically generated variant for the
 * reading view asked for (`?view=`), else the reader's remembered one (cookie), else the default for
 * the interface language. The server HTML is then already in the right view: no flash, no layout
 * shift, and the view links work with JavaScript off.
 */
export default function proxy(request: NextRequest) {
  const match = request.nextUrl.pathname.match(articlePath);
  if (!match) return handleI18nRouting(request);

  const [, locale, slug] = match;
  const asked = request.nextUrl.searchParams.get('view');
  const remembered = request.cookies.get(viewCookie)?.value;
  const view = isReadingView(asked) ? asked : isReadingView(remembered) ? remembered : defaultView(locale);

  const target = request.nextUrl.clone();
  target.pathname = `/${locale}/articles/${slug}/${view}`;
  const response = NextResponse.rewrite(target);
  if (isReadingView(asked) && asked !== remembered) {
    response.cookies.set(viewCookie, asked, { path: '/', maxAge: oneYear, sameSite: 'lax' });
  }
  return response;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
