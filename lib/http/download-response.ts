import { publicOrigin } from './public-origin';
import { textStream } from './text-stream';

/** A file to download: its media type, its name and its text, as chunks made while it is sent. */
export type Download = { mediaType: string; fileName: string; chunks: AsyncIterable<string> };

/**
 * The answer that saves `download` as a file: streamed as its chunks come (see `textStream`), never
 * cached by a shared cache, since it may hold a reader's private notes. The file name is the
 * server's own (an article slug or a fixed name), so it is written in quotes as it is.
 */
export function downloadResponse({ mediaType, fileName, chunks }: Download): Response {
  return new Response(textStream(chunks), {
    headers: {
      'Content-Type': mediaType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** Where an export was asked for, as the domain takes it: the site's public origin and the address. */
export const exportRequestOf = (request: Request) => ({ origin: publicOrigin(request), url: new URL(request.url) });
