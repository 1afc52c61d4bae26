'use client';

import { useSyncExternalStore } from 'react';

/**
 * The link between sign-in and sign-up, keeping the page's `next` so that a reader who came from an
 * article goes back to it whichever form they end up using. (Without JavaScript the forms do not
 * work either, and the plain link stays.)
 */
export function OtherAuthLink({ href, children }: { href: string; children: React.ReactNode }) {
  // The server renders the plain link; the browser adds `next` right after hydration.
  const next = useSyncExternalStore(noSubscription, nextOfPage, noNext);
  return <a href={next ? `${href}?next=${encodeURIComponent(next)}` : href}>{children}</a>;
}

const noSubscription = () => () => {};
const nextOfPage = () => new URLSearchParams(window.location.search).get('next');
const noNext = () => null;
