'use client';

import { useEffect, useState } from 'react';

/** A value that clears itself `ms` after it was set (a notice, a passage lit for a moment). */
export function useFleeting<T>(ms: number): [T | undefined, (value: T | undefined) => void] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (value === undefined) return;
    const timer = setTimeout(() => setValue(undefined), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return [value, setValue];
}
