import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Client components ship to every reader: what they import, however indirectly, must stay off the
// server's heavy or secret modules. zod once reached the article's bundle through a constant list
// (bench:page caught it: 1.30× the empty page's JavaScript instead of 1.08×).
const root = process.cwd();
const forbidden = [/^zod$/, /^server-only$/, /^@prisma\//, /^better-auth(\/|$)/, /lib\/db(\.ts|\/)/, /lib\/annotations\/schema\.ts$/];

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : files(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Value imports (not `import type`) of a module, resolved to project files or left as package names. */
function imports(file: string): string[] {
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((specifier) => {
    const base = specifier.startsWith('@/')
      ? specifier.slice(2)
      : specifier.startsWith('.')
        ? path.join(path.dirname(file), specifier)
        : null;
    if (base === null) return specifier;
    const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
    return (
      candidates.find((candidate) => fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) ?? base
    );
  });
}

describe('client components', () => {
  const clientEntries = [...files('components'), ...files('lib')].filter((file) =>
    /^['"]use client['"]/.test(fs.readFileSync(path.join(root, file), 'utf8').trimStart()),
  );

  it('are found', () => {
    expect(clientEntries.length).toBeGreaterThan(10);
  });

  it('never import zod, the database, auth or the zod schemas, even indirectly', () => {
    const problems: string[] = [];
    for (const entry of clientEntries) {
      const seen = new Set<string>();
      const walk = (file: string, chain: string[]) => {
        for (const target of imports(file)) {
          if (forbidden.some((pattern) => pattern.test(target))) problems.push([...chain, target].join(' -> '));
          else if (/\.tsx?$/.test(target) && !seen.has(target)) {
            seen.add(target);
            walk(target, [...chain, target]);
          }
        }
      };
      walk(entry, [entry]);
    }
    expect(problems).toEqual([]);
  });
});
