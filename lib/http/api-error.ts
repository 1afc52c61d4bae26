import type { FieldIssue, Refusal } from '@/lib/errors/refusal';

export type { FieldIssue };

/** The status each of the domain's refusals (lib/errors/refusal.ts) is answered with. */
export const refusalStatus: Record<Refusal, number> = {
  invalid: 400,
  signInNeeded: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  notPossible: 422,
  preconditionFailed: 412,
  preconditionRequired: 428,
};

type Extra = {
  headers?: Record<string, string>;
  /** For conflicts: the current state of the resource, sent back beside the error. */
  current?: unknown;
};

/** An error a route answers with a 4xx JSON body: `{ error: { message, issues? }, current? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly extra: Extra = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, what);
