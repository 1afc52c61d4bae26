/**
 * Rate limits for servers that tests and benchmarks drive as many readers from one address, writing
 * fast. Failed sign-ins per account keep their default (e2e/api/accounts.spec.ts tests it); the
 * default limits themselves are tested in e2e/ops/rate-limits.spec.ts.
 */
export const raisedLimits = {
  RATE_LIMIT_WRITES: '1000000/60',
  RATE_LIMIT_SIGN_INS: '1000000/60',
  RATE_LIMIT_SIGN_UPS: '1000000/60',
  RATE_LIMIT_SIGN_UPS_OVERALL: '1000000/60',
};
