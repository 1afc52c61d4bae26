import { describe, expect, it } from 'vitest';
import { acceptedCodings } from '@/lib/http/content-coding';

const codings = (acceptEncoding?: string) => acceptedCodings(new Headers(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }));

describe('the codings a client takes, best first', () => {
  it('puts brotli first when the client rates both alike, as browsers do', () => {
    expect(codings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(codings('*')).toEqual(['br', 'gzip']);
  });

  it('follows the client’s q-values, and leaves out what it refuses or does not name', () => {
    expect(codings('br;q=0.5, gzip')).toEqual(['gzip', 'br']);
    expect(codings('gzip, br;q=0')).toEqual(['gzip']);
    expect(codings('gzip;q=0, deflate')).toEqual([]);
    expect(codings('deflate')).toEqual([]);
    expect(codings('identity')).toEqual([]);
  });

  it('takes none when the header is missing or empty', () => {
    expect(codings()).toEqual([]);
    expect(codings('')).toEqual([]);
  });
});
