// The route table (lib/http/route-table.ts) against the route files: every route where its URL says
// is in the table, with exactly the methods its file exports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes, ruleFor } from '@/lib/http/route-table';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** The URL a route file serves, with each dynamic segment filled in. */
const urlOf = (file: string) =>
  `/${path.relative('app', path.dirname(file))}`.replace(/\[\.\.\.[^\]]+\]/g, 'sign-in/email').replace(/\[[^\]]+\]/g, 'x1');

/** The methods a route file exports (`export const GET`, `export async function POST`, `export const { GET, POST }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(match[1]);
  for (const match of source.matchAll(/export\s+const\s+\{([^}]+)\}/g))
    for (const name of match[1].split(',').map((part) => part.trim())) if (methods.includes(name)) found.add(name);
  return [...found].sort();
}

const files = routeFiles('app/api');

describe('the route table', () => {
  it.each(
    files.map((file) => [file.replace('pages/api/articles/[slug]/annotations.ts', 'app/api/articles/[slug]/annotations/route.ts'), file]),
  )('%s: in the table with the methods it exports', (asAppRoute, file) => {
    const rule = ruleFor(urlOf(asAppRoute));
    expect(rule.name, urlOf(asAppRoute)).not.toMatch(/^(page|unknown)$/);
    const served = rule.methods.filter((method) => methods.includes(method)).sort();
    expect(served).toEqual(exportedMethods(fs.readFileSync(file, 'utf8')));
    if (served.includes('GET')) expect(rule.methods).toContain('HEAD');
  });

  it('names every route once, and every route that takes a body has a body rule', () => {
    expect(new Set(apiRoutes.map((rule) => rule.name)).size).toBe(apiRoutes.length);
    for (const rule of apiRoutes)
      if (rule.methods.some((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))) expect(rule.body, rule.name).toBeDefined();
    expect(files.length).toBe(apiRoutes.length);
  });

  it('sends everything else to the page rule (read only) or, under /api, to the unknown rule', () => {
    expect(ruleFor('/zh/articles/deepseek-capex').name).toBe('page');
    expect(ruleFor('/api/nothing-here').name).toBe('unknown');
    expect(ruleFor('/apiary').name).toBe('page');
  });
});
