import Negotiator from 'negotiator';

// negotiator 1.x takes the server's own order for codings the client rates alike; its types predate that.
type WithPreferred = { encodings(available: readonly string[], options: { preferred: readonly string[] }): string[] };

/** The content codings a kept-compressed answer can be sent in. */
export type ContentCoding = 'br' | 'gzip';

/**
 * The codings the client takes (its Accept-Encoding, with q-values: `gzip;q=0` refuses gzip), best
 * first; between codings it rates alike, brotli first, as it is the smaller. Browsers always take
 * gzip, and brotli over HTTPS and on localhost; scripts and load generators often take neither and
 * get plain bytes.
 */
export function acceptedCodings(headers: Headers): ContentCoding[] {
  const acceptEncoding = headers.get('accept-encoding');
  if (!acceptEncoding) return [];
  const available: ContentCoding[] = ['br', 'gzip'];
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as Negotiator & WithPreferred;
  return negotiator
    .encodings(available, { preferred: available })
    .filter((coding): coding is ContentCoding => (available as string[]).includes(coding));
}
