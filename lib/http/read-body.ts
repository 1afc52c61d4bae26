import { ApiError } from './api-error';
import type { BodyRule } from './route-table';

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaTypeOf = (contentType: string | null) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Refuses a body of a type the route does not take (415), naming the ones it does. */
export function assertBodyType(request: Request, rule: BodyRule) {
  const type = mediaTypeOf(request.headers.get('content-type'));
  if (!rule.types.includes(type))
    throw new ApiError(415, `Send the body as ${rule.types.join(' or ')} (got ${type ? `"${type.slice(0, 100)}"` : 'no Content-Type'}).`);
}

const tooLarge = (maxBytes: number) => new ApiError(413, `The request body is larger than ${maxBytes} bytes.`);

/**
 * How much of a refused body is still read (and dropped) before the refusal is sent. A client is
 * usually still sending when a body is refused; answering at once makes Node close the connection,
 * the client's kernel then meets a reset while writing, and the answer can be lost (seen: EPIPE with
 * no status). Reading the rest first costs bandwidth the client spends anyway, never memory; past
 * these limits the answer is sent and the connection cut.
 */
export const lingerLimits = { bytes: 64 * 1024 * 1024, ms: 10_000 };

/** Reads and drops what is left of a body, within `lingerLimits`; cancels the rest. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const deadline = Date.now() + lingerLimits.ms;
  let dropped = 0;
  try {
    while (dropped <= lingerLimits.bytes && Date.now() < deadline) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
    }
  } catch {
    return; // the client went away
  }
  reader.cancel().catch(() => {});
}

/**
 * Reads and drops a body no one read (a request refused before its body mattered: signed out,
 * wrong type, another origin…), within `lingerLimits`, so the answer reaches a client still sending.
 */
export async function discardUnreadBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  await discardRest(request.body.getReader());
}

/**
 * The request's body as bytes, read while it streams in and refused (413) as soon as it passes
 * `maxBytes`, whether the length was declared (refused before a byte is kept) or the body is
 * chunked (refused at the first chunk that goes over). Nothing larger than the limit is ever held in
 * memory; what follows is dropped as it arrives (`discardRest`).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await discardRest(reader);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) break;
      chunks.push(value);
    }
  } catch {
    reader.cancel().catch(() => {});
    throw new ApiError(400, 'The request body could not be read (the connection closed).');
  }
  if (total > maxBytes) {
    chunks.length = 0;
    await discardRest(reader);
    throw tooLarge(maxBytes);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as text (UTF-8; a malformed sequence is a 400, not a replacement character stored). */
export async function readBodyText(request: Request, rule: BodyRule): Promise<string> {
  assertBodyType(request, rule);
  const bytes = await readBodyBytes(request, rule.maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'The request body is not valid UTF-8.');
  }
}
