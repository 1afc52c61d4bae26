/** One server-sent event as a test or benchmark reads it. */
export type StreamEvent = { event: string; data: string };

/**
 * Reads a server-sent event stream, calling `onEvent` for each event with a name and data, until the
 * stream ends, `onEvent` returns true, or the request is aborted (which ends reading quietly).
 */
export async function readEventStream(response: Response, onEvent: (event: StreamEvent) => boolean | void): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffer += decoder.decode(read.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined && onEvent({ event, data })) return;
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    reader.releaseLock();
  }
}
