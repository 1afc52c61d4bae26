// Written from the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), not from
// our exporter, so that the export is checked against the spec rather than against itself.

export const annoContext = 'http://www.w3.org/ns/anno.jsonld';

/** Section 3.3.5 */
export const motivations = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (value === undefined ? [] : [value].flat());
const typesOf = (value: unknown): unknown[] => (isObject(value) ? listOf(value.type) : []);
/** An absolute IRI: a scheme, then no whitespace or characters RFC 3987 excludes. */
const isIri = (value: unknown): value is string => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value);
/** xsd:dateTime; the model says it SHOULD carry a timezone, which we require. */
const isDateTime = (value: unknown) =>
  typeof value === 'string' &&
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/.test(value) &&
  !Number.isNaN(Date.parse(value));
const isNonNegativeInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** A property's path, for messages. */
const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

class Problems {
  list: string[] = [];
  add(path: string, message: string) {
    this.list.push(`${path || '(document)'}: ${message}`);
  }
}

function checkContext(document: Json, problems: Problems) {
  const context = document['@context'];
  if (context === annoContext) return;
  if (Array.isArray(context) && context.includes(annoContext)) {
    if (context.length === 1) problems.add('@context', 'a single context must be given as a string');
    return;
  }
  problems.add('@context', `must be or contain ${annoContext}`);
}

function checkSelector(selector: unknown, path: string, problems: Problems) {
  if (isIri(selector)) return;
  if (!isObject(selector)) return problems.add(path, 'a selector must be an IRI or an object');
  const types = typesOf(selector);
  if (types.length === 0) problems.add(path, 'a selector must have a type');
  if (types.includes('TextQuoteSelector')) {
    if (typeof selector.exact !== 'string') problems.add(at(path, 'exact'), 'a TextQuoteSelector must have a string exact');
    for (const key of ['prefix', 'suffix']) {
      if (key in selector && typeof selector[key] !== 'string') problems.add(at(path, key), 'must be a string');
    }
  }
  if (types.includes('TextPositionSelector')) {
    const { start, end } = selector;
    if (!isNonNegativeInteger(start)) problems.add(at(path, 'start'), 'must be a non-negative integer');
    if (!isNonNegativeInteger(end)) problems.add(at(path, 'end'), 'must be a non-negative integer');
    if (isNonNegativeInteger(start) && isNonNegativeInteger(end) && (start as number) > (end as number)) {
      problems.add(path, 'start must not be after end');
    }
  }
  if (selector.refinedBy !== undefined) checkSelector(selector.refinedBy, at(path, 'refinedBy'), problems);
}

/** A body or target: an IRI, or an object that is an external resource, a TextualBody or a SpecificResource. */
function checkResource(resource: unknown, path: string, role: 'body' | 'target', problems: Problems) {
  if (isIri(resource)) return;
  if (!isObject(resource)) return problems.add(path, `a ${role} must be an IRI or an object`);
  const types = typesOf(resource);
  if (resource.purpose !== undefined) {
    for (const purpose of listOf(resource.purpose)) {
      if (!motivations.includes(purpose as string)) problems.add(at(path, 'purpose'), `${JSON.stringify(purpose)} is not a motivation`);
    }
  }
  if (types.includes('TextualBody')) {
    if (typeof resource.value !== 'string') problems.add(at(path, 'value'), 'a TextualBody must have a string value');
    if (resource.language !== undefined && typeof resource.language !== 'string') problems.add(at(path, 'language'), 'must be a string');
  } else if (resource.source !== undefined || resource.selector !== undefined || types.includes('SpecificResource')) {
    if (!isIri(resource.source)) problems.add(at(path, 'source'), 'a SpecificResource must have a source IRI');
    listOf(resource.selector).forEach((selector, i) => checkSelector(selector, `${at(path, 'selector')}[${i}]`, problems));
  } else if (!isIri(resource.id)) {
    problems.add(at(path, 'id'), 'an external resource must have an IRI id');
  }
}

function checkAgent(agent: unknown, path: string, problems: Problems) {
  if (isIri(agent)) return;
  if (!isObject(agent)) return problems.add(path, 'an agent must be an IRI or an object');
  if (agent.id !== undefined && !isIri(agent.id)) problems.add(at(path, 'id'), 'must be an IRI');
  for (const type of typesOf(agent)) {
    if (!['Person', 'Organization', 'Software'].includes(type as string))
      problems.add(at(path, 'type'), `${JSON.stringify(type)} is not an agent type`);
  }
  for (const key of ['name', 'nickname']) {
    if (agent[key] !== undefined && typeof agent[key] !== 'string') problems.add(at(path, key), 'must be a string');
  }
}

function checkAnnotation(annotation: unknown, path: string, problems: Problems) {
  if (isIri(annotation)) return;
  if (!isObject(annotation)) return problems.add(path, 'an annotation must be an IRI or an object');
  if (!isIri(annotation.id)) problems.add(at(path, 'id'), 'an Annotation must have an IRI id');
  if (!typesOf(annotation).includes('Annotation')) problems.add(at(path, 'type'), 'must include "Annotation"');
  for (const motivation of listOf(annotation.motivation)) {
    if (!motivations.includes(motivation as string))
      problems.add(at(path, 'motivation'), `${JSON.stringify(motivation)} is not a motivation`);
  }
  const targets = listOf(annotation.target);
  if (targets.length === 0) problems.add(at(path, 'target'), 'an Annotation must have at least one target');
  targets.forEach((target, i) => checkResource(target, `${at(path, 'target')}[${i}]`, 'target', problems));
  listOf(annotation.body).forEach((body, i) => checkResource(body, `${at(path, 'body')}[${i}]`, 'body', problems));
  for (const key of ['created', 'modified', 'generated']) {
    if (annotation[key] !== undefined && !isDateTime(annotation[key]))
      problems.add(at(path, key), 'must be an xsd:dateTime with a timezone');
  }
  for (const key of ['creator', 'generator'])
    listOf(annotation[key]).forEach((agent, i) => checkAgent(agent, `${at(path, key)}[${i}]`, problems));
}

/** Checks a page and the pages embedded after it; returns how many items they hold, null when one is only linked. */
function checkPages(first: unknown, path: string, problems: Problems): number | null {
  let count = 0;
  for (let page = first; page !== undefined; page = (page as Json).next, path = at(path, 'next')) {
    if (isIri(page)) return null;
    if (!isObject(page)) {
      problems.add(path, 'a page must be an IRI or an object');
      return count;
    }
    if (!isIri(page.id)) problems.add(at(path, 'id'), 'an AnnotationPage must have an IRI id');
    if (!typesOf(page).includes('AnnotationPage')) problems.add(at(path, 'type'), 'must include "AnnotationPage"');
    if (page.startIndex !== undefined && !isNonNegativeInteger(page.startIndex))
      problems.add(at(path, 'startIndex'), 'must be a non-negative integer');
    if (!Array.isArray(page.items)) {
      problems.add(at(path, 'items'), 'an AnnotationPage must have an items array');
      return count;
    }
    if (page.items.length === 0) problems.add(at(path, 'items'), 'an AnnotationPage must have at least one annotation');
    page.items.forEach((item, i) => checkAnnotation(item, `${at(path, 'items')}[${i}]`, problems));
    count += page.items.length;
  }
  return count;
}

/**
 * The ways a Web Annotation document (an Annotation, AnnotationPage or AnnotationCollection)
 * breaks the data model; [] when none is found.
 */
export function webAnnotationProblems(document: unknown): string[] {
  const problems = new Problems();
  if (!isObject(document)) return ['(document): must be a JSON object'];
  checkContext(document, problems);
  const types = typesOf(document);
  if (types.includes('AnnotationCollection')) {
    if (!isIri(document.id)) problems.add('id', 'an AnnotationCollection must have an IRI id');
    if (document.label !== undefined && typeof document.label !== 'string') problems.add('label', 'must be a string');
    const items = document.first === undefined ? 0 : checkPages(document.first, 'first', problems);
    if (!isNonNegativeInteger(document.total)) problems.add('total', 'must be a non-negative integer');
    else if (items !== null && document.total !== items)
      problems.add('total', `is ${document.total as number} but the pages hold ${items} annotations`);
    if (document.last !== undefined && !isIri(document.last) && !isObject(document.last)) problems.add('last', 'must be a page');
  } else if (types.includes('AnnotationPage')) {
    checkPages(document, '', problems);
  } else if (types.includes('Annotation')) {
    checkAnnotation(document, '', problems);
  } else {
    problems.add('type', 'must be Annotation, AnnotationPage or AnnotationCollection');
  }
  return problems.list;
}
