'use client';

import { useEffect, useState } from 'react';
import type { HighlightNames } from '@/lib/annotations/vocabulary';
import { fetchHighlightNames } from './api';

/**
 * The signed-in reader's names for the colours, loaded once they are known to be signed in (the
 * colour words until then, and if loading fails: the names only label, nothing depends on them).
 */
const noNames: HighlightNames = {};

export function useHighlightNames(viewerId: string | undefined) {
  const [names, setNames] = useState<HighlightNames>({});
  useEffect(() => {
    if (!viewerId) return;
    let current = true;
    fetchHighlightNames()
      .then((loaded) => current && setNames(loaded))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [viewerId]);
  // A reader who signs out sees the colour words again (the names were theirs).
  return [viewerId ? names : noNames, setNames] as const;
}
