import { processWide } from '@/lib/process-wide';

/**
 * Requests of one kind running at once in this process: at most `max` in all and `perKey` for one
 * key (a reader). For work whose memory grows with its input and lasts seconds, such as imports
 * (each holds up to 1,000 parsed notes while it writes them), so that twenty at once cannot add up
 * to more than the heap. Returns the function that frees the place (once), or null when full.
 */
export function enterLimited(kind: string, key: string, { max, perKey }: { max: number; perKey: number }): (() => void) | null {
  const running = processWide('__readerRunningByKind', () => new Map<string, Map<string, number>>());
  const byKey = running.get(kind) ?? new Map<string, number>();
  running.set(kind, byKey);
  const total = [...byKey.values()].reduce((sum, count) => sum + count, 0);
  const mine = byKey.get(key) ?? 0;
  if (total >= max || mine >= perKey) return null;
  byKey.set(key, mine + 1);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    const now = (byKey.get(key) ?? 1) - 1;
    if (now > 0) byKey.set(key, now);
    else byKey.delete(key);
  };
}
