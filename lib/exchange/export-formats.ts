import { csvWriter } from './csv';
import type { CollectionOptions } from './jsonld';
import { jsonLdWriter } from './jsonld-writer';
import { markdownWriter, type MarkdownOptions } from './markdown';
import type { PageWriter } from './page-writer';

/** The formats notes are exported in: W3C Web Annotation JSON-LD, Markdown and CSV. */
export const exportFormats = ['jsonld', 'md', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Each format's media type; JSON-LD names the Web Annotation profile, so clients know the vocabulary. */
export const exportMediaTypes: Record<ExportFormat, string> = {
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The writer of an export in `format`: `options.label` is the collection's label and the Markdown
 * title; `readable` says what the Markdown adds for a person reading it (language, links, about).
 */
export function exportWriter(format: ExportFormat, options: CollectionOptions, readable: Omit<MarkdownOptions, 'title'> = {}): PageWriter {
  if (format === 'jsonld') return jsonLdWriter(options);
  if (format === 'md') return markdownWriter({ ...readable, title: options.label, editorialOf: options.editorialOf });
  return csvWriter(options.editorialOf);
}
