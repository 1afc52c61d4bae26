'use client';

import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { publishSectionCounts } from '@/lib/reader/section-counts';
import { outlineOfPage, sectionNoteCounts, sectionOfBlocks } from '@/lib/reader/sections';
import { isPublic } from './is-public';

/**
 * Each section's note count, for the contents (components/reader/contents-rail.tsx): the shared
 * notes by sentence from the summary, and the reader's own notes that others cannot see.
 */
export function useSectionCountPublisher(
  container: { current: HTMLElement | null },
  summary: ArticleSummary | undefined,
  own: ApiAnnotation[],
) {
  const sections = useRef<Map<string, string>>(undefined);
  useEffect(() => {
    if (!container.current || !summary) return;
    sections.current ??= sectionOfBlocks(outlineOfPage(container.current));
    publishSectionCounts(
      sectionNoteCounts(
        sections.current,
        summary.sentences,
        own.filter((a) => !isPublic(a)),
      ),
    );
  }, [container, summary, own]);
}
