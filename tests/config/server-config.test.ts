import { describe, expect, it } from 'vitest';
import { readServerConfig } from '@/lib/config/server-config';

describe('readServerConfig', () => {
  it('takes an empty environment (the embedded defaults)', () => {
    const config = readServerConfig({});
    expect(config.trustedProxies).toBeNull();
    expect(config.publicUrl).toBeNull();
    expect(config.liveStreams).toEqual({ perAddress: 20, total: 2000 });
  });

  it.each([
    ['RATE_LIMIT_WRITES', 'lots'],
    ['RATE_LIMIT_SIGN_IN_FAILURES', '5'],
    ['TRUSTED_PROXIES', 'nginx'],
    ['BETTER_AUTH_URL', 'reader.example.com'],
    ['BETTER_AUTH_URL', 'ftp://reader.example.com'],
    ['LIVE_STREAMS_PER_ADDRESS', '0'],
    ['LIVE_STREAMS_TOTAL', 'many'],
    ['DATABASE_POOL_SIZE', '-1'],
    ['DATABASE_READ_POOL_SIZE', '0'],
    ['LOG_REQUESTS', 'yes'],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(() => readServerConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
