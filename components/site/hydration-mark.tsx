'use client';

import { useEffect } from 'react';
import { commitFirstHydration } from '@/lib/site/first-hydration';

/**
 * Marks the moment the page is hydrated (`page:hydrated` in the Performance timeline): rendered
 * last in the layout, its effect runs with the rest of the first commit. bench:page counts the
 * main thread's long tasks before it as loading and hydrating the page; <ServerMarkup> asks
 * whether it has passed.
 */
export function HydrationMark() {
  useEffect(commitFirstHydration, []);
  return null;
}
