import Negotiator from 'negotiator';

/**
 * Whether the client takes a gzip body (its Accept-Encoding, with q-values: `gzip;q=0` refuses it).
 * Browsers always do; scripts and load generators often do not and get plain bytes.
 */
export function acceptsGzip(headers: Headers): boolean {
  const acceptEncoding = headers.get('accept-encoding');
  if (!acceptEncoding) return false;
  return new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(['gzip', 'identity']) === 'gzip';
}
