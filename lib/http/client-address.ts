import { BlockList, isIP } from 'node:net';
import { processWide } from '@/lib/process-wide';

/**
 * Client addresses, as the rate limits count them. The address comes from the socket, which no
 * client can forge; a proxy's X-Forwarded-For is believed only when the socket's peer is one of
 * TRUSTED_PROXIES. The gate in front of Next (lib/http/node-gate.ts) works the address out and
 * stamps it on the request in PEER_HEADER, with a random value only this process knows, so a client
 * that sends the header itself (or a request that reached Next before the gate was installed, in the
 * first moments after start) is not believed: its address reads `unverified`, one shared bucket.
 */
export const PEER_HEADER = 'x-reader-peer';

/** Random per process: proves a PEER_HEADER value was written by this process's gate. */
export const peerStampKey = () => processWide('__readerPeerStampKey', () => crypto.randomUUID());

/** The address every request whose address is not known counts under. */
export const UNVERIFIED = 'unverified';

/**
 * An address in one spelling: no port, no brackets, IPv4-mapped IPv6 as IPv4, IPv6 lower case and
 * compressed; null when it is not an IP address.
 */
export function normaliseAddress(raw: string | undefined | null): string | null {
  let value = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, ''); // an IPv6 zone
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 4)
    return value
      .split('.')
      .map((part) => String(Number(part)))
      .join('.');
  if (family === 6) return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  return null;
}

/**
 * What a limit keys on: an IPv4 address, or the /64 an IPv6 address is in (one subscriber usually
 * holds a whole /64, so counting single IPv6 addresses would give every client 2^64 tries).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const middle = Array(8 - left.length - right.length).fill('0');
  return [...left, ...(address.includes('::') ? middle : []), ...right].map((group) => group.padStart(4, '0'));
}

/**
 * Parses TRUSTED_PROXIES: addresses and CIDR ranges separated by commas or spaces (e.g.
 * `127.0.0.1, ::1, 10.0.0.0/8`). Empty or unset: no proxy is trusted. Throws naming the variable.
 */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [base, bits, extra] = entry.split('/');
    const address = normaliseAddress(base);
    const family = address ? (isIP(address) === 6 ? 'ipv6' : 'ipv4') : null;
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 'ipv6' ? 128 : 32;
    if (
      !address ||
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))
    )
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1, ::1, 10.0.0.0/8).`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

/** Whether an address (any spelling) is one of the trusted proxies. */
export function isTrustedProxy(trusted: BlockList | null, raw: string | undefined): boolean {
  const address = normaliseAddress(raw);
  return trusted !== null && address !== null && trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client of a request that came from `peer` (the socket's address) with these X-Forwarded-For
 * values: the peer itself unless it is a trusted proxy; then, walking the forwarded chain from the
 * right (the entry each proxy appended), the first address that is not a trusted proxy. A malformed
 * entry ends the walk at the last address a trusted proxy vouched for.
 */
export function resolveClient(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList | null): string {
  let client = normaliseAddress(peer);
  if (!client) return UNVERIFIED;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  while (isTrustedProxy(trusted, client) && chain.length) {
    const next = normaliseAddress(chain.pop());
    if (!next) break;
    client = next;
  }
  return client;
}

/** The request's client address as the gate stamped it, or UNVERIFIED. */
export function clientAddress(headers: Headers): string {
  const stamp = headers.get(PEER_HEADER);
  const key = peerStampKey();
  if (!stamp?.startsWith(`${key} `)) return UNVERIFIED;
  return stamp.slice(key.length + 1);
}

/** What limits per address count under: the client's address, IPv6 by its /64. */
export function clientAddressKey(headers: Headers): string {
  const address = clientAddress(headers);
  return address === UNVERIFIED ? address : addressKey(address);
}
