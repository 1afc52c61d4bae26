import { acceptedSuggestionsPatch } from '@/lib/annotations/suggestions-patch';
import { jsonRoute } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/**
 * The accepted translation suggestions as a patch of content/<slug>/ (`git apply` takes it): the
 * site never edits its own files; the patch goes through review like code (docs/decisions/012).
 */
export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const patch = await acceptedSuggestionsPatch(slug);
  return new Response(patch.text, {
    headers: {
      'Content-Type': 'text/x-diff; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}-accepted-suggestions.patch"`,
      'Cache-Control': 'no-store',
    },
  });
});
