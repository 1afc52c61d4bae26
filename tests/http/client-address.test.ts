import { describe, expect, it } from 'vitest';
import {
  addressKey,
  clientAddress,
  clientAddressKey,
  normaliseAddress,
  parseTrustedProxies,
  PEER_HEADER,
  peerStampKey,
  resolveClient,
  UNVERIFIED,
} from '@/lib/http/client-address';

describe('normaliseAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['1.2.3.4:5678', '1.2.3.4'],
    [' 1.2.3.4 ', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::FFFF:1.2.3.4', '1.2.3.4'],
    ['[::ffff:1.2.3.4]:80', '1.2.3.4'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('%j is %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each(['', 'unknown', 'evil.example', '1.2.3', '1.2.3.4.5', '<script>', '999.1.1.1'])('%j is not an address', (raw) => {
    expect(normaliseAddress(raw)).toBeNull();
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses and groups IPv6 by /64', () => {
    expect(addressKey('1.2.3.4')).toBe('1.2.3.4');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::99'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('resolveClient', () => {
  const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, ::1');

  it('takes the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClient('203.0.113.9', '198.51.100.1', null)).toBe('203.0.113.9');
    expect(resolveClient('127.0.0.1', '198.51.100.1', null)).toBe('127.0.0.1');
  });

  it('takes the socket when the peer is not a trusted proxy', () => {
    expect(resolveClient('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
  });

  it('behind trusted proxies, takes the first untrusted address from the right', () => {
    expect(resolveClient('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(resolveClient('::ffff:127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    // A client's own forged entries come first; the proxies' entries are on the right.
    expect(resolveClient('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', trusted)).toBe('198.51.100.1');
    expect(resolveClient('127.0.0.1', '198.51.100.1:5555', trusted)).toBe('198.51.100.1');
  });

  it('stops at a malformed entry, keeping the last address a trusted proxy vouched for', () => {
    expect(resolveClient('127.0.0.1', 'garbage', trusted)).toBe('127.0.0.1');
    expect(resolveClient('127.0.0.1', '198.51.100.1, garbage, 10.0.0.1', trusted)).toBe('10.0.0.1');
  });

  it('reads an unknown socket as unverified', () => {
    expect(resolveClient(undefined, '1.2.3.4', trusted)).toBe(UNVERIFIED);
  });
});

describe('parseTrustedProxies', () => {
  it('is null when unset or empty', () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(' ')).toBeNull();
  });

  it.each(['localhost', '10.0.0.0/33', '1.2.3.4/8/9', '::1/129', '10.0.0.0/x'])('refuses %j, naming the variable', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('clientAddress', () => {
  it('believes only the stamp this process wrote', () => {
    const stamped = new Headers({ [PEER_HEADER]: `${peerStampKey()} 1.2.3.4` });
    expect(clientAddress(stamped)).toBe('1.2.3.4');
    expect(clientAddressKey(new Headers({ [PEER_HEADER]: `${peerStampKey()} 2001:db8::1` }))).toBe('2001:0db8:0000:0000::/64');
    expect(clientAddress(new Headers({ [PEER_HEADER]: 'forged 1.2.3.4' }))).toBe(UNVERIFIED);
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe(UNVERIFIED);
  });
});
