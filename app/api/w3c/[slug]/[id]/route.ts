import { viewerOf } from '@/lib/auth/auth';
import { readJson } from '@/lib/http/json-route';
import { publicOrigin } from '@/lib/http/public-origin';
import { deleteProtocolAnnotation, readProtocolAnnotation, replaceProtocolAnnotation } from '@/lib/w3c/annotations';
import { annotationMethods, constrainedBy, ldpResource, negotiatedType, optionsResponse } from '@/lib/w3c/protocol';
import { protocolJson, protocolRoute } from '@/lib/w3c/protocol-route';

type Context = { params: Promise<{ slug: string; id: string }> };

const annotationLink = `<${ldpResource}>; rel="type", ${constrainedBy}`;
const preconditionsOf = (request: Request) => ({
  ifMatch: request.headers.get('if-match'),
  ifNoneMatch: request.headers.get('if-none-match'),
});
const annotationHeaders = { Allow: annotationMethods, Link: annotationLink, Vary: 'Accept, Authorization, Cookie' };

/** One annotation of the container: a shared one, or the caller's own (404 otherwise). */
export const GET = protocolRoute(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const type = negotiatedType(request.headers.get('accept'));
  const { annotation, etag } = await readProtocolAnnotation(slug, id, await viewerOf(request), publicOrigin(request));
  return protocolJson(request, annotation, { type, etag, headers: annotationHeaders });
});

/** Replaces the annotation (its author; `If-Match` with its ETag: 428 without, 412 when stale). */
export const PUT = protocolRoute(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  const type = negotiatedType(request.headers.get('accept'));
  const { annotation, etag } = await replaceProtocolAnnotation(
    slug,
    id,
    () => readJson(request),
    await viewerOf(request),
    publicOrigin(request),
    preconditionsOf(request),
  );
  return protocolJson(request, annotation, { type, etag, headers: annotationHeaders });
});

/** Deletes the annotation (its author; with `If-Match`, only that version): 204. */
export const DELETE = protocolRoute(async (request: Request, { params }: Context) => {
  const { slug, id } = await params;
  await deleteProtocolAnnotation(slug, id, await viewerOf(request), publicOrigin(request), preconditionsOf(request));
  return new Response(null, { status: 204, headers: { Link: annotationLink } });
});

export const OPTIONS = protocolRoute(async () => optionsResponse(annotationMethods, annotationLink));
