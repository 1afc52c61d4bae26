import type { AnnotationKind, ClaimVerdict, Visibility } from './schema';

/** The columns every annotation read selects (explicit, so nothing else leaks into answers). */
export const annotationSelect = {
  id: true,
  article: true,
  lang: true,
  blockId: true,
  sentenceIds: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  kind: true,
  verdict: true,
  sourceUrl: true,
  body: true,
  bodyHtml: true,
  visibility: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const;

/** For one annotation: the select with its tags (lists load tags in one separate query, see service). */
export const annotationWithTagsSelect = { ...annotationSelect, tags: { select: { tag: true }, orderBy: { tag: 'asc' } } } as const;

export type AnnotationRow = {
  id: string;
  article: string;
  lang: string;
  blockId: string;
  sentenceIds: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  kind: string;
  verdict: string | null;
  sourceUrl: string | null;
  body: string;
  bodyHtml: string;
  visibility: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
  tags: { tag: string }[];
};

/** An annotation as the JSON API and the reader see it (W3C-style target, rendered note). */
export type ApiAnnotation = {
  id: string;
  article: string;
  lang: 'zh' | 'en';
  blockId: string;
  sentenceIds: string[];
  target: {
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  kind: AnnotationKind;
  verdict: ClaimVerdict | null;
  sourceUrl: string | null;
  body: string;
  bodyHtml: string;
  tags: string[];
  visibility: Visibility;
  version: number;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

export function toApiAnnotation(row: AnnotationRow): ApiAnnotation {
  return {
    id: row.id,
    article: row.article,
    lang: row.lang as ApiAnnotation['lang'],
    blockId: row.blockId,
    sentenceIds: JSON.parse(row.sentenceIds) as string[],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: 'TextPositionSelector', start: row.start, end: row.end },
      ],
    },
    kind: row.kind as AnnotationKind,
    verdict: row.verdict as ClaimVerdict | null,
    sourceUrl: row.sourceUrl,
    body: row.body,
    bodyHtml: row.bodyHtml,
    tags: row.tags.map((t) => t.tag),
    visibility: row.visibility as Visibility,
    version: row.version,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
