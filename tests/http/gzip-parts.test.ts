import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressHead, gzipWithTail } from '@/lib/http/gzip-parts';

const encoder = new TextEncoder();
const gunzipped = (parts: Uint8Array[]) => gunzipSync(Buffer.concat(parts)).toString('utf8');

describe('a gzip member spliced from a kept head and a per-answer tail', () => {
  it('decompresses (with its CRC and length checked by zlib) to the head followed by the tail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 300 }), async (head, tail) => {
        const compressed = await compressHead(encoder.encode(head));
        expect(gunzipped(gzipWithTail(compressed, encoder.encode(tail)))).toBe(head + tail);
      }),
      { numRuns: 200 },
    );
  });

  it('splices tails short enough to be stored and long enough to be compressed', async () => {
    const head = '{"annotations":[' + '{"id":"shared"},'.repeat(500);
    const compressed = await compressHead(encoder.encode(head));
    for (const length of [0, 1, 16 * 1024 - 2, 16 * 1024 + 1, 70_000]) {
      const tail = `${'{"id":"own","body":"私人"},'.repeat(Math.ceil(length / 28)).slice(0, length)}]}`;
      expect(gunzipped(gzipWithTail(compressed, encoder.encode(tail)))).toBe(head + tail);
    }
  });

  it('serves one kept head to many tails, including an empty one, and stays smaller than the text', async () => {
    const head = `{"annotations":[${Array.from({ length: 2000 }, (_, i) => `{"id":"n${i}","exact":"中文 ${i % 13}"}`).join(',')}`;
    const compressed = await compressHead(encoder.encode(head));
    for (const tail of ['', ']}', ',{"id":"own"}]}']) {
      const parts = gzipWithTail(compressed, encoder.encode(tail));
      expect(gunzipped(parts)).toBe(head + tail);
      expect(parts.reduce((sum, part) => sum + part.length, 0)).toBeLessThan(encoder.encode(head).length / 4);
    }
  });
});
