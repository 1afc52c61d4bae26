import { afterEach, describe, expect, it } from 'vitest';
import { admitStream, openStreams } from '@/lib/live/stream-admission';

const caps = { perAddress: 3, total: 5 };
const releases: (() => void)[] = [];
afterEach(() => releases.splice(0).forEach((release) => release()));

const admit = (address: string) => {
  const release = admitStream(address, caps);
  if (release) releases.push(release);
  return release;
};

describe('admitStream', () => {
  it('admits up to the cap per address, then refuses that address only', () => {
    expect([1, 2, 3].map(() => admit('1.2.3.4') !== null)).toEqual([true, true, true]);
    expect(admit('1.2.3.4')).toBeNull();
    expect(admit('5.6.7.8')).not.toBeNull();
  });

  it('refuses everyone once the total is reached', () => {
    for (const address of ['a', 'b', 'c', 'd', 'e']) expect(admit(address)).not.toBeNull();
    expect(admit('f')).toBeNull();
  });

  it('gives the place back once, however often release is called', () => {
    const release = admit('9.9.9.9')!;
    admit('9.9.9.9');
    release();
    release();
    expect(openStreams('9.9.9.9')).toBe(1);
    expect(admit('9.9.9.9')).not.toBeNull();
  });
});
