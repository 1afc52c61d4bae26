import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// docs/architecture.md's boundaries are checked by `npm run lint:boundaries` (dependency-cruiser,
// .dependency-cruiser.cjs). These fixtures break each rule once: the check must name every break.
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: unknown[] };

describe('the boundary check', () => {
  it('refuses each forbidden import, naming the rule', async () => {
    const fixtures = path.join(__dirname, 'fixtures');
    const result = await cruise(['app', 'lib'], { baseDir: fixtures, validate: true, ruleSet: { forbidden: config.forbidden } as never });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'domain-knows-no-http: lib/annotations/service.ts → lib/http/respond.ts',
      'errors-know-nothing: lib/errors/refusal.ts → lib/http/respond.ts',
      'live-bus-knows-no-domain: lib/live/stream.ts → lib/annotations/activity.ts',
      'only-lib-touches-the-database: app/api/health/route.ts → lib/db.ts',
    ]);
  });
});
