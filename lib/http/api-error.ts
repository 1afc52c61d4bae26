/** One problem with a request, naming the field (a dotted path into the JSON body) when there is one. */
export type FieldIssue = { field: string; message: string };

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
