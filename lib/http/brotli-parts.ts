import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

/**
 * A brotli body (RFC 7932) whose long first part is the same for many answers and whose short end
 * differs per answer: the brotli twin of gzip-parts.ts. The kept part is compressed once with
 * BROTLI_OPERATION_FLUSH, so it stops on a byte boundary without its last meta-block; each answer
 * adds its end as uncompressed meta-blocks, then the empty last meta-block. Unlike deflate, a fresh
 * brotli stream cannot be appended (the decoder's state, such as its last distances, carries over
 * between meta-blocks), so the end is always sent as it is: callers keep it short (a reader's own
 * notes), or choose gzip for a long one.
 */
export type BrotliHead = { compressed: Uint8Array; length: number };

const brotliCompressAsync = promisify(brotliCompress);

/**
 * Quality 5: for a 900 KB list, 89 KB in about 15 ms, where gzip's default gives 145 KB in 9 ms;
 * quality 11 would save another 13 KB for 1.6 s of CPU at every change of the list.
 */
const quality = 5;

/** Compresses the shared first part, off the main thread (zlib runs in libuv's pool). */
export async function compressBrotliHead(bytes: Uint8Array): Promise<BrotliHead> {
  const compressed = await brotliCompressAsync(bytes, {
    finishFlush: constants.BROTLI_OPERATION_FLUSH,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { compressed, length: bytes.length };
}

/** The chunks of one brotli stream holding the head's bytes followed by `tail`. */
export function brotliWithTail(head: BrotliHead, tail: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [head.compressed];
  for (let start = 0; start < tail.length; start += maxMetaBlock) {
    const part = tail.subarray(start, start + maxMetaBlock);
    chunks.push(uncompressedMetaBlockHeader(part.length), part);
  }
  chunks.push(lastEmptyMetaBlock);
  return chunks;
}

/** An uncompressed meta-block holds at most 2^24 bytes (MLEN - 1 in six nibbles). */
const maxMetaBlock = 1 << 24;

/** ISLAST = 1, ISLASTEMPTY = 1: the stream ends (§9.2); the rest of the byte is padding. */
const lastEmptyMetaBlock = Uint8Array.of(0b11);

/**
 * The header of a meta-block that is not the last, holding `length` bytes as they are (§9.2):
 * ISLAST = 0, MNIBBLES, MLEN - 1 in that many nibbles, ISUNCOMPRESSED = 1, then zero bits up to the
 * next byte, where the bytes begin. Bits are packed from the least significant bit of each byte.
 */
export function uncompressedMetaBlockHeader(length: number): Uint8Array {
  if (length < 1 || length > maxMetaBlock) throw new RangeError(`a meta-block holds 1 to ${maxMetaBlock} bytes, not ${length}`);
  // The fewest nibbles that hold MLEN - 1: a longer form whose last nibble is 0 is invalid.
  const nibbles = length - 1 < 1 << 16 ? 4 : length - 1 < 1 << 20 ? 5 : 6;
  // 1 + 2 + 4 * nibbles + 1 bits, at most 28: they fit a 32-bit integer.
  const bits = 0 | ((nibbles - 4) << 1) | ((length - 1) << 3) | (1 << (3 + 4 * nibbles));
  const bitCount = 4 + 4 * nibbles;
  const header = new Uint8Array(Math.ceil(bitCount / 8));
  for (let i = 0; i < header.length; i++) header[i] = (bits >>> (8 * i)) & 0xff;
  return header;
}
