/**
 * Why the domain refuses a request, in its own words: the domain (lib/annotations) knows no HTTP, and
 * the route layer (lib/http/json-route.ts) answers each refusal with its status code.
 */
export type Refusal =
  /** The input is malformed: a field of the wrong shape, an unknown value. */
  | 'invalid'
  /** Nobody is signed in. */
  | 'signInNeeded'
  /** Signed in, but this reader may not. */
  | 'forbidden'
  /** No such thing, or nothing this reader may see. */
  | 'notFound'
  /** Changed elsewhere meanwhile, or done already. */
  | 'conflict'
  /** Too much at once (an import of too many notes). */
  | 'tooLarge'
  /** Well formed, but not possible in the state things are in. */
  | 'notPossible'
  /** A conditional request (If-Match) named a version that is no longer current. */
  | 'preconditionFailed'
  /** A replacement sent without naming the version it replaces (If-Match). */
  | 'preconditionRequired';

/** One problem with the input, naming the field (a dotted path into the JSON body) when there is one. */
export type FieldIssue = { field: string; message: string };

/** A refusal: a message written for people, the fields at fault, and for conflicts the current state. */
export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** For conflicts: the current state of the thing, sent back beside the error. */
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new Refused('notFound', what);

/** A malformed field, named in the message and in the issues. */
export const invalidField = (field: string, message: string) =>
  new Refused('invalid', `Invalid ${field}: ${message}.`, [{ field, message }]);
