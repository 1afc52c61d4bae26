'use client';

import { useEffect, useState } from 'react';
import type { SessionUser } from '@/lib/account/auth-client';

/** How many of the signed-in reader's saved words are due for review (the header's count); 0 until known or when signed out. */
export function useDueWords(user: SessionUser | null | undefined): number {
  const [due, setDue] = useState(0);
  useEffect(() => {
    if (!user) return;
    let live = true;
    fetch('/api/me/words/review?limit=1', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ due: number }>) : { due: 0 }))
      .then((answer) => live && setDue(answer.due))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [user]);
  return due;
}
