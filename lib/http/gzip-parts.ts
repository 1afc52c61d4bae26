import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A gzip body whose long first part is the same for many answers (an article's shared notes) and
 * whose short end differs per answer (a reader's own notes). The first part is compressed once and
 * kept; each answer adds only its end. Deflate allows the splice: the kept part is flushed with
 * Z_SYNC_FLUSH, so it stops on a byte boundary without a final block, and the end is a final block
 * of its own (stored as it is when short, else a fresh deflate stream, whose back-references never
 * reach outside itself). The trailer's CRC-32 continues from the kept part's over the end (RFC 1952).
 */
export type CompressedHead = { deflated: Uint8Array; crc: number; length: number };

const deflateRawAsync = promisify(deflateRaw);

// ID1 ID2, CM = deflate, no flags, no mtime, no extra flags, OS = unknown (RFC 1952 §2.3).
const gzipHeader = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** Compresses the shared first part, off the main thread (zlib runs in libuv's pool). */
export async function compressHead(bytes: Uint8Array): Promise<CompressedHead> {
  const deflated = await deflateRawAsync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
  return { deflated, crc: crc32(bytes), length: bytes.length };
}

/** The chunks of one gzip member holding the head's bytes followed by `tail`. */
export function gzipWithTail(head: CompressedHead, tail: Uint8Array): Uint8Array[] {
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  // Node's crc32 answers 0 for some empty views (TextEncoder's), whatever the starting value.
  view.setUint32(0, tail.length ? crc32(tail, head.crc) : head.crc, true);
  view.setUint32(4, (head.length + tail.length) >>> 0, true); // ISIZE is the length modulo 2^32
  return [gzipHeader, head.deflated, tail.length <= storedTailLimit ? finalStoredBlock(tail) : deflateRawSync(tail), trailer];
}

/**
 * Tails up to this size are stored, not compressed: usually they are a few bytes (`]}`), and a zlib
 * stream per request allocates its 256 KB of state each time, enough garbage at a few hundred
 * requests a second to lengthen the slowest answers. Must stay under a stored block's 65,535 bytes.
 */
const storedTailLimit = 16 * 1024;

/** The last block of a deflate stream, holding `bytes` as they are (RFC 1951 §3.2.4). */
function finalStoredBlock(bytes: Uint8Array): Uint8Array {
  const block = new Uint8Array(5 + bytes.length);
  // BFINAL = 1, BTYPE = 00; the rest of the byte is padding (the head ended on a byte boundary).
  block[0] = 1;
  const view = new DataView(block.buffer);
  view.setUint16(1, bytes.length, true); // LEN
  view.setUint16(3, ~bytes.length & 0xffff, true); // NLEN, its one's complement
  block.set(bytes, 5);
  return block;
}
