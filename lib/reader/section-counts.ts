'use client';

import { useSyncExternalStore } from 'react';

/**
 * Each section's note count, from the annotation layer (which knows the notes) to the contents
 * (which list the sections): two parts of the page that do not otherwise share state.
 */
let counts: ReadonlyMap<string, number> = new Map();
const listeners = new Set<() => void>();

export function publishSectionCounts(next: ReadonlyMap<string, number>) {
  counts = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const noCounts: ReadonlyMap<string, number> = new Map();

export function useSectionCounts(): ReadonlyMap<string, number> {
  return useSyncExternalStore(
    subscribe,
    () => counts,
    () => noCounts,
  );
}
