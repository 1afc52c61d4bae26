import type { LiveEvent } from './live-event';

const encoder = new TextEncoder();

/**
 * One Server-Sent Event: `id: <revision>` (changes only, so the browser's Last-Event-ID is the last
 * revision seen), `event: <type>`, `data: <the event as JSON>`. JSON.stringify escapes line breaks,
 * so the data is always one line.
 */
export function encodeEvent(event: LiveEvent): Uint8Array {
  const id = event.type === 'annotation' || event.type === 'removed' ? `id: ${event.revision}\n` : '';
  return encoder.encode(`${id}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** A comment line: ignored by EventSource, keeps proxies and the connection awake. */
export function encodeComment(text: string): Uint8Array {
  return encoder.encode(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
}

/** The first bytes of every stream: the browser's reconnection delay, and a comment so headers are flushed now. */
export const STREAM_PREAMBLE = encoder.encode('retry: 2000\n: connected\n\n');
