'use client';

import { useEffect } from 'react';

/**
 * Marks the moment the page is hydrated (`page:hydrated` in the Performance timeline): rendered
 * last in the layout, its effect runs with the rest of the first commit. bench:page counts the
 * main thread's long tasks before it as loading and hydrating the page.
 */
export function HydrationMark() {
  useEffect(() => void performance.mark('page:hydrated'), []);
  return null;
}
