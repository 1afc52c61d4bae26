import type { APIRequestContext } from '@playwright/test';
import { annotationBody, slug } from './api-fixtures';
import type { ArticleLang } from '../../lib/content/types';

/** The article's container, as its pages link it. */
export const containerPath = `/api/w3c/${slug}/`;
export const annoContext = 'http://www.w3.org/ns/anno.jsonld';
export const annoType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const ldp = 'http://www.w3.org/ns/ldp#';

/** A Web Annotation as a W3C client would write it: a comment on the first occurrence of `phrase`. */
export function webAnnotation(baseURL: string, lang: ArticleLang, phrase: string, extra: Record<string, unknown> = {}) {
  const { target } = annotationBody(lang, phrase);
  return {
    '@context': annoContext,
    type: 'Annotation',
    motivation: 'commenting',
    body: [{ type: 'TextualBody', value: `On “${phrase}”`, format: 'text/markdown', purpose: 'commenting' }],
    target: { source: `${baseURL}/${lang}/articles/${slug}`, selector: target.selector },
    ...extra,
  };
}

/** POSTs an annotation to the container as JSON-LD. */
export const postAnnotation = (api: APIRequestContext, annotation: unknown, headers: Record<string, string> = {}) =>
  api.post(containerPath, { data: annotation, headers: { 'Content-Type': annoType, ...headers } });

/** The path of an absolute IRI the server gave. */
export const pathOf = (iri: string) => new URL(iri).pathname + new URL(iri).search;

/** The `rel="…"` targets of a Link header. */
export function linkTargets(header: string | undefined, rel: string): string[] {
  return (header ?? '')
    .split(/,(?=\s*<)/)
    .map((part) => /^\s*<([^>]*)>\s*;(.*)$/.exec(part))
    .filter((match): match is RegExpExecArray => match !== null && new RegExp(`rel="?${rel.replace(/[.#]/g, '\\$&')}"?`).test(match[2]))
    .map((match) => match[1]);
}
