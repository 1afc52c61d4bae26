import { processWide } from '@/lib/process-wide';

type Open = { total: number; byAddress: Map<string, number> };
const open = () => processWide<Open>('__readerOpenStreamCounts', () => ({ total: 0, byAddress: new Map() }));

export type StreamCaps = { perAddress: number; total: number };

/**
 * Admits one more live event stream from `address`, within the caps (per client address, and in
 * all, for this process). Each open stream holds a connection and its buffers for as long as the
 * reader stays, so an unbounded number from one client is a cheap way to exhaust the server.
 * Returns the function that gives the place back (call it once, when the stream ends), or null when
 * a cap is reached.
 */
export function admitStream(address: string, caps: StreamCaps): (() => void) | null {
  const counts = open();
  const mine = counts.byAddress.get(address) ?? 0;
  if (counts.total >= caps.total || mine >= caps.perAddress) return null;
  counts.total++;
  counts.byAddress.set(address, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    counts.total--;
    const left = (counts.byAddress.get(address) ?? 1) - 1;
    if (left > 0) counts.byAddress.set(address, left);
    else counts.byAddress.delete(address);
  };
}

/** Streams open now, in all and from one address (for tests and logs). */
export function openStreams(address?: string): number {
  const counts = open();
  return address === undefined ? counts.total : (counts.byAddress.get(address) ?? 0);
}
