import { brotliDecompressSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brotliWithTail, compressBrotliHead, uncompressedMetaBlockHeader } from '@/lib/http/brotli-parts';

const encoder = new TextEncoder();
const decompressed = (parts: Uint8Array[]) => brotliDecompressSync(Buffer.concat(parts)).toString('utf8');

describe('a brotli stream spliced from a kept head and a per-answer tail', () => {
  it('decompresses to the head followed by the tail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 300 }), async (head, tail) => {
        const compressed = await compressBrotliHead(encoder.encode(head));
        expect(decompressed(brotliWithTail(compressed, encoder.encode(tail)))).toBe(head + tail);
      }),
      { numRuns: 200 },
    );
  });

  it('writes tails whose length needs four, five and six nibbles', async () => {
    const head = '{"annotations":[' + '{"id":"shared","exact":"英伟达"},'.repeat(300);
    const compressed = await compressBrotliHead(encoder.encode(head));
    for (const length of [1, 65_536, 65_537, (1 << 20) + 1, (1 << 20) + 7]) {
      const tail = `${'{"id":"own","body":"私人"},'.repeat(Math.ceil(length / 28)).slice(0, length - 2)}]}`;
      expect(decompressed(brotliWithTail(compressed, encoder.encode(tail)))).toBe(head + tail);
    }
  });

  it('uses the fewest nibbles for a length, as the format requires, and refuses lengths no meta-block holds', () => {
    expect(uncompressedMetaBlockHeader(1 << 16).length).toBe(3); // 20 bits
    expect(uncompressedMetaBlockHeader((1 << 16) + 1).length).toBe(3); // 24 bits
    expect(uncompressedMetaBlockHeader((1 << 20) + 1).length).toBe(4); // 28 bits
    expect(() => uncompressedMetaBlockHeader(0)).toThrow(RangeError);
    expect(() => uncompressedMetaBlockHeader((1 << 24) + 1)).toThrow(RangeError);
  });

  it('serves one kept head to many tails and stays smaller than gzip would', async () => {
    const head = `{"annotations":[${Array.from({ length: 2000 }, (_, i) => `{"id":"n${i}","exact":"中文 ${i % 13}"}`).join(',')}`;
    const compressed = await compressBrotliHead(encoder.encode(head));
    for (const tail of ['', ']}', ',{"id":"own"}]}']) {
      const parts = brotliWithTail(compressed, encoder.encode(tail));
      expect(decompressed(parts)).toBe(head + tail);
      expect(parts.reduce((sum, part) => sum + part.length, 0)).toBeLessThan(encoder.encode(head).length / 4);
    }
  });
});
