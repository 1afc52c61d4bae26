/** A limit: at most `max` hits per key in a window of `windowSeconds`. */
export type Limit = { name: string; max: number; windowSeconds: number };

/**
 * The limits and their defaults. Each can be changed with an environment variable holding
 * `<max>/<seconds>` (e.g. RATE_LIMIT_WRITES=120/60); tests and benchmarks that act as many readers
 * from one address raise them.
 */
const defaults = {
  /** Notes, replies, flags, moderation and imports, per signed-in reader. */
  writes: { variable: 'RATE_LIMIT_WRITES', max: 120, windowSeconds: 60 },
  /** Sign-in attempts per client address. */
  signIns: { variable: 'RATE_LIMIT_SIGN_INS', max: 30, windowSeconds: 300 },
  /** Failed sign-ins per account, whatever address they come from: the limit no header can dodge. */
  signInFailures: { variable: 'RATE_LIMIT_SIGN_IN_FAILURES', max: 5, windowSeconds: 300 },
  /**
   * New accounts per client address, in a short window: a class or an office behind one address
   * waits minutes, not an hour (a sign-up costs a password hash, and the deployment-wide backstop
   * below bounds what forged addresses can do).
   */
  signUps: { variable: 'RATE_LIMIT_SIGN_UPS', max: 15, windowSeconds: 600 },
  /** New accounts across the deployment: the backstop when addresses are forged. */
  signUpsOverall: { variable: 'RATE_LIMIT_SIGN_UPS_OVERALL', max: 300, windowSeconds: 3600 },
} as const;

export type LimitName = keyof typeof defaults;

/** `<max>/<seconds>`, both positive integers. */
export function parseLimit(name: string, value: string): Omit<Limit, 'name'> {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [max, windowSeconds] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!(max > 0 && windowSeconds > 0)) throw new Error(`${name} must look like <max>/<seconds>, e.g. 120/60; got "${value}".`);
  return { max, windowSeconds };
}

/** Every limit, with the environment's overrides applied. */
export function limitsFrom(env: Record<string, string | undefined>): Record<LimitName, Limit> {
  const entries = Object.entries(defaults).map(([name, { variable, max, windowSeconds }]) => {
    const value = env[variable];
    return [name, { name, ...(value ? parseLimit(variable, value) : { max, windowSeconds }) }];
  });
  return Object.fromEntries(entries) as Record<LimitName, Limit>;
}
