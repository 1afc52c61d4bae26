'use client';

import { useEffect, useState } from 'react';

/**
 * The link between sign-in and sign-up, keeping the page's `next` so that a reader who came from an
 * article goes back to it whichever form they end up using. (Without JavaScript the forms do not
 * work either, and the plain link stays.)
 */
export function OtherAuthLink({ href, children }: { href: string; children: React.ReactNode }) {
  const [target, setTarget] = useState(href);
  useEffect(() => {
    const next = new URLSearchParams(window.location.search).get('next');
    if (next) setTarget(`${href}?next=${encodeURIComponent(next)}`);
  }, [href]);
  return <a href={target}>{children}</a>;
}
