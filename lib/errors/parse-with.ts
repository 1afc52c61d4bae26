import type { z } from 'zod';
import { Refused, type FieldIssue } from './refusal';

/** Zod issues as field paths and messages. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** The value, parsed by the schema, or a refusal naming the first field at fault. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = fieldIssues(result.error);
    throw new Refused('invalid', `Invalid ${issues[0].field}: ${issues[0].message}`, issues);
  }
  return result.data;
}
