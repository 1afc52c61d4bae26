/**
 * Where the W3C Web Annotation Protocol is served (issue 18; docs/decisions/014): one container per
 * article, holding its notes in both languages. The protocol wants a container's IRI to end in "/".
 */
export const containerPath = (slug: string) => `/api/w3c/${slug}/`;
export const annotationPath = (slug: string, id: string) => `/api/w3c/${slug}/${id}`;

const containerWithSlash = /^(\/api\/w3c\/[^/]+)\/(\?.*)?$/;

/**
 * The request target Next should route: a container's IRI without its final "/", which Next would
 * otherwise answer with a redirect to the same path without it (308). The route still names the
 * container by its IRI with the "/" (Content-Location, ids).
 */
export function routableTarget(url: string): string {
  const match = containerWithSlash.exec(url);
  return match ? `${match[1]}${match[2] ?? ''}` : url;
}

/** The link relation by which a page names the container of its annotations (the protocol's discovery). */
export const annotationServiceRel = 'http://www.w3.org/ns/oa#annotationService';
