import { ApiError } from './api-error';

export type JsonLimits = { maxDepth: number; maxValues: number };

/**
 * Measures a JSON text's nesting and number of values without parsing it: one pass over the
 * characters, skipping strings. `JSON.parse` of a body nested millions deep, or of millions of tiny
 * objects, takes far more heap than the body's size (4 MB of `[[[[…` or `{},{},…` exhausted the
 * server's 160 MB heap, and out-of-memory cannot be caught), so the shape is checked first. Stops at
 * the first limit passed. No JSON library offers these limits; a scan this small is easier to trust.
 */
export function jsonShapeProblem(text: string, { maxDepth, maxValues }: JsonLimits): string | undefined {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return `it is nested more than ${maxDepth} deep`;
      if (++values > maxValues) return `it has more than ${maxValues} values`;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++values > maxValues) return `it has more than ${maxValues} values`;
  }
  return undefined;
}

/** Parses a JSON text within limits: 400 with the reason when it is malformed, too deep or too many values. */
export function parseJsonText(text: string, limits: JsonLimits): unknown {
  const problem = jsonShapeProblem(text, limits);
  if (problem) throw new ApiError(400, `The request body is refused: ${problem}.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.');
  }
}
