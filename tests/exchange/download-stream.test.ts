// The export download streams: chunks are made only as the client takes them (a slow client slows
// the export down instead of making it pile up in memory), and a client that goes away ends it.
import { describe, expect, it } from 'vitest';
import { downloadResponse } from '@/lib/http/download-response';
import { textStream } from '@/lib/http/text-stream';

/** A source of chunks that counts how many were asked for and whether it was ended. */
function countingSource(chunks: string[]) {
  const state = { asked: 0, ended: false };
  async function* source() {
    try {
      for (const chunk of chunks) {
        state.asked++;
        yield chunk;
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, source: source() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('textStream', () => {
  it('asks for nothing before it is read, then one chunk per read', async () => {
    const { state, source } = countingSource(['a', 'b', 'c']);
    const reader = textStream(source).getReader();
    await settle();
    expect(state.asked).toBe(0);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('a');
    await settle();
    expect(state.asked).toBe(1);
    await reader.read();
    await settle();
    expect(state.asked).toBe(2);
  });

  it('encodes UTF-8, skips empty chunks and closes when the source ends', async () => {
    const { source } = countingSource(['中文', '', '\uFEFFid', '']);
    expect(await new Response(textStream(source)).text()).toBe('中文\uFEFFid');
  });

  it('ends the source when the client goes away', async () => {
    const { state, source } = countingSource(['a', 'b', 'c']);
    const reader = textStream(source).getReader();
    await reader.read();
    await reader.cancel();
    expect(state.ended).toBe(true);
    expect(state.asked).toBe(1);
  });

  it('errors the stream when the source fails after the first chunk', async () => {
    async function* failing() {
      yield 'a';
      throw new Error('database gone');
    }
    const errors: string[] = [];
    const log = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      await expect(new Response(textStream(failing())).text()).rejects.toThrow('database gone');
    } finally {
      console.error = log;
    }
    expect(errors.join('\n')).toContain('database gone');
  });
});

describe('downloadResponse', () => {
  it('is an attachment with its type, never kept by a shared cache', async () => {
    const response = downloadResponse({
      mediaType: 'text/csv; charset=utf-8',
      fileName: 'my-notes.csv',
      chunks: countingSource(['x']).source,
    });
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="my-notes.csv"',
      'cache-control': 'private, no-store',
    });
    expect(await response.text()).toBe('x');
  });
});
