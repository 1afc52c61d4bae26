/** The methods that change state: origin checks and write limits apply to them. */
export const methodsThatWrite: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
