import { ApiError } from '@/lib/http/api-error';

/** The protocol's media type: JSON-LD with the Web Annotation context. */
export const annotationMediaType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export const ldpBasicContainer = 'http://www.w3.org/ns/ldp#BasicContainer';
export const ldpResource = 'http://www.w3.org/ns/ldp#Resource';
export const constrainedBy = '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';

export const containerMethods = 'GET, HEAD, OPTIONS, POST';
export const annotationMethods = 'GET, HEAD, OPTIONS, PUT, DELETE';

/**
 * What a container may be asked to return (`Prefer: return=representation; include="…"`): only its
 * own description, its first page with the annotations' IRIs, or with the annotations themselves
 * (the default).
 */
export type ContainerPreference = 'minimal' | 'iris' | 'descriptions';

const preferences: [string, ContainerPreference][] = [
  ['http://www.w3.org/ns/ldp#PreferMinimalContainer', 'minimal'],
  ['http://www.w3.org/ns/oa#PreferContainedIRIs', 'iris'],
  ['http://www.w3.org/ns/oa#PreferContainedDescriptions', 'descriptions'],
];

/** The preference of a `Prefer` header, `descriptions` without one (or with one we do not know). */
export function containerPreference(prefer: string | null): ContainerPreference {
  if (!prefer || !/return\s*=\s*"?representation/i.test(prefer)) return 'descriptions';
  const include = /include\s*=\s*"([^"]*)"/i.exec(prefer)?.[1].split(/\s+/) ?? [];
  return preferences.find(([iri]) => include.includes(iri))?.[1] ?? 'descriptions';
}

/**
 * The media type to answer with: the protocol's, unless the client accepts only plain JSON. 406 for
 * a client that accepts neither (JSON-LD is the only representation we have).
 */
export function negotiatedType(accept: string | null): string {
  if (!accept) return annotationMediaType;
  const ranges = accept
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, ...params]) => !params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param)))
    .map(([range]) => range.trim().toLowerCase());
  if (ranges.some((range) => ['application/ld+json', 'application/*', '*/*'].includes(range))) return annotationMediaType;
  if (ranges.includes('application/json')) return 'application/json';
  throw new ApiError(406, `This resource is JSON-LD: accept ${annotationMediaType} (or application/json).`);
}

/**
 * What every answer of the protocol's routes carries. Scripts on other sites may call them with a
 * token and no cookies (CORS without credentials: `*` never lets a browser send or read cookies).
 */
export const crossOriginHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'ETag, Location, Link, Allow, Accept-Post, Content-Location, Preference-Applied, Vary, WWW-Authenticate, Retry-After, X-Request-Id',
};

/** The answer to a preflight or an OPTIONS request. */
export function optionsResponse(allow: string, link: string, extra: Record<string, string> = {}): Response {
  return new Response(null, {
    status: 200,
    headers: {
      Allow: allow,
      Link: link,
      Vary: 'Accept, Prefer',
      ...extra,
      ...crossOriginHeaders,
      'Access-Control-Allow-Methods': allow,
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Match',
      'Access-Control-Max-Age': '600',
    },
  });
}
