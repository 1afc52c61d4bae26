'use client';

import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { firstHydrationCommitted } from '@/lib/site/first-hydration';

// One object for every render: React rewrites innerHTML whenever this prop's identity changes.
const keepServerHtml = { __html: '' };

/**
 * A block of server-rendered markup that React does not hydrate. Hydrating a long article means
 * walking thousands of elements on the main thread (issue 19, docs/decisions/010); the article's
 * markup needs no React of its own, so on the first load React takes this <div> as holding raw
 * HTML and leaves what the server sent inside it untouched. Everything interactive inside is
 * handled by listeners on an ancestor. Rendered afresh in the browser (after the first hydration),
 * it renders its children as usual.
 */
export function ServerMarkup({ className, children }: { className: string; children: ReactNode }) {
  const [kept, setKept] = useState(() => typeof window !== 'undefined' && !firstHydrationCommitted());
  const element = useRef<HTMLDivElement>(null);
  // Should React ever render it in the browser while hydrating (recovering from an error), there is
  // no server HTML to keep: render the children.
  useLayoutEffect(() => {
    if (kept && !element.current?.hasChildNodes()) setKept(false);
  }, [kept]);
  return kept ? (
    <div ref={element} className={className} dangerouslySetInnerHTML={keepServerHtml} suppressHydrationWarning />
  ) : (
    <div ref={element} className={className}>
      {children}
    </div>
  );
}
