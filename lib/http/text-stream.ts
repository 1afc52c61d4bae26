/**
 * A byte stream of `chunks`, UTF-8 encoded, pulled one chunk at a time: the next chunk is asked for
 * only when the consumer (the socket, through Next) has taken the last one, so a slow client slows
 * the source down and nothing is read ahead (a high-water mark of 0 keeps the stream from asking
 * before it is read). Cancelling the stream (the client went away) ends the source too.
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // An empty chunk would leave the pull without bytes: ask for the next one instead.
          for (;;) {
            const { done, value } = await iterator.next();
            if (done) return controller.close();
            if (value) return controller.enqueue(encoder.encode(value));
          }
        } catch (error) {
          // The status is sent already: the client can only be cut short, so say why in the log.
          console.error(JSON.stringify({ level: 'error', message: 'streamed answer failed', error: String(error) }));
          controller.error(error);
        }
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
