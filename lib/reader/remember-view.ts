import { viewCookie, type ReadingView } from './views';

/** Puts the view in the address (shareable) and in the cookie the server reads on the next visit. */
export function rememberView(view: ReadingView) {
  const url = new URL(window.location.href);
  url.searchParams.set('view', view);
  window.history.replaceState(null, '', url);
  document.cookie = `${viewCookie}=${view}; path=/; max-age=31536000; samesite=lax`;
}
