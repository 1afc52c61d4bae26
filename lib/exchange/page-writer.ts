import type { ApiAnnotation } from '@/lib/annotations/serialize';

/**
 * Writes one export document a page of notes at a time: `page` gives the text a page adds (the
 * document's head with the first one), `end` what closes the document. A writer keeps what the
 * document needs across pages (numbering, counts), so each serves one export.
 */
export type PageWriter = {
  page(notes: ApiAnnotation[]): string;
  end(): string;
};

/** The whole document for notes already in memory: one page, then the end. */
export function writeAll(writer: PageWriter, notes: ApiAnnotation[]): string {
  return writer.page(notes) + writer.end();
}

/**
 * The document as text chunks, one per page, as `pages` yields them: a page is loaded only when
 * the chunk before it has been taken. Empty chunks are left out.
 */
export async function* writePages(writer: PageWriter, pages: AsyncIterable<ApiAnnotation[]>): AsyncGenerator<string, void, undefined> {
  for await (const notes of pages) {
    const text = writer.page(notes);
    if (text) yield text;
  }
  yield writer.end();
}

/** A document's head, given once: by the first page, or by the end when no page came. */
export function once(text: string): () => string {
  let pending = text;
  return () => {
    const taken = pending;
    pending = '';
    return taken;
  };
}
