import { viewerOf } from '@/lib/auth/auth';
import { readJson } from '@/lib/http/json-route';
import { publicOrigin } from '@/lib/http/public-origin';
import { createProtocolAnnotation } from '@/lib/w3c/annotations';
import { containerDescription, containerPage, pageLimitOf, pageQueryOf } from '@/lib/w3c/container';
import { containerPath } from '@/lib/w3c/paths';
import {
  annotationMediaType,
  constrainedBy,
  containerMethods,
  containerPreference,
  ldpBasicContainer,
  negotiatedType,
  optionsResponse,
} from '@/lib/w3c/protocol';
import { protocolJson, protocolRoute } from '@/lib/w3c/protocol-route';

type Context = { params: Promise<{ slug: string }> };

const containerLink = `<${ldpBasicContainer}>; rel="type", <http://www.w3.org/ns/oa#AnnotationCollection>; rel="type", ${constrainedBy}`;
const containerHeaders = { Allow: containerMethods, 'Accept-Post': annotationMediaType, Link: containerLink };

/**
 * The article's W3C annotation container (docs/api.md, "W3C Web Annotation Protocol"): without a
 * query, its description (`Prefer` chooses minimal / contained IRIs / contained descriptions); with
 * `page=first|last`, `after=` or `before=`, one AnnotationPage of up to `limit` (≤ 200) annotations.
 */
export const GET = protocolRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const type = negotiatedType(request.headers.get('accept'));
  const viewer = await viewerOf(request);
  const origin = publicOrigin(request);
  const query = new URL(request.url).searchParams;
  const page = pageQueryOf(query);
  if (page) {
    const body = await containerPage(slug, origin, viewer, page);
    return protocolJson(request, body, {
      type,
      headers: { Allow: 'GET, HEAD, OPTIONS', Link: constrainedBy, Vary: 'Accept, Authorization, Cookie', 'Content-Location': body.id },
    });
  }
  const preference = containerPreference(request.headers.get('prefer'));
  const body = await containerDescription(slug, origin, viewer, preference, pageLimitOf(query));
  return protocolJson(request, body, {
    type,
    headers: {
      ...containerHeaders,
      Vary: 'Accept, Prefer, Authorization, Cookie',
      'Content-Location': `${origin}${containerPath(slug)}`,
      ...(request.headers.has('prefer') && { 'Preference-Applied': 'return=representation' }),
    },
  });
});

/** Creates an annotation: 201, its IRI in Location and its ETag. */
export const POST = protocolRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const type = negotiatedType(request.headers.get('accept'));
  const { annotation, etag } = await createProtocolAnnotation(
    slug,
    () => readJson(request),
    await viewerOf(request),
    publicOrigin(request),
  );
  return protocolJson(request, annotation, {
    type,
    etag,
    status: 201,
    headers: { Location: annotation.id, Link: `<http://www.w3.org/ns/ldp#Resource>; rel="type", ${constrainedBy}`, Vary: 'Accept' },
  });
});

export const OPTIONS = protocolRoute(async () => optionsResponse(containerMethods, containerLink, { 'Accept-Post': annotationMediaType }));
