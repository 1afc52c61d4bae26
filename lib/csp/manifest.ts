import fs from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from './inline-scripts';

/** Written next to the build (`.next/csp-hashes.json`) by scripts/csp-hashes.ts. */
export const cspManifestFile = 'csp-hashes.json';

/** The hash sources of each prerendered page's inline scripts, for the build they were taken from. */
export interface CspManifest {
  buildId: string;
  pages: Record<string, string[]>;
}

/** The parts of Next's `.next/prerender-manifest.json` this reads. */
export interface PrerenderManifest {
  routes: Record<string, { routeType?: string; initialRevalidateSeconds?: number | false }>;
  dynamicRoutes: Record<string, { fallback?: string | false | null }>;
}

/** The prerendered HTML of a route in a build folder (`/` is `index.html`). */
export function prerenderedHtmlFile(distDir: string, route: string): string {
  return path.join(distDir, 'server', 'app', `${route === '/' ? '/index' : route}.html`);
}

/**
 * Hashes every prerendered page's inline scripts. Throws, naming every route, when a page could be
 * rendered again at run time (revalidation, or params rendered on demand and then cached): its new
 * HTML would carry inline scripts no hash allows.
 */
export function createCspManifest(buildId: string, prerender: PrerenderManifest, readHtml: (route: string) => string): CspManifest {
  const problems: string[] = [];
  const pages: Record<string, string[]> = {};
  for (const [route, entry] of Object.entries(prerender.routes)) {
    if (entry.routeType === 'route') continue; // a route handler's output (e.g. /icon.svg), not HTML
    if (entry.initialRevalidateSeconds !== false)
      problems.push(`${route} revalidates every ${entry.initialRevalidateSeconds} s: its regenerated HTML would not match the hashes`);
    try {
      pages[route] = inlineScriptHashes(readHtml(route));
    } catch (error) {
      problems.push(`${route}: no prerendered HTML (${(error as Error).message})`);
    }
  }
  for (const [route, entry] of Object.entries(prerender.dynamicRoutes)) {
    if (entry.fallback !== false)
      problems.push(`${route} renders unlisted params on demand and caches them (dynamicParams): those pages would have no hashes`);
  }
  if (problems.length > 0) throw new Error(`Cannot hash the inline scripts of every static page:\n- ${problems.join('\n- ')}`);
  return { buildId, pages };
}

/** The manifest of the build in `distDir`, or why it cannot be used (missing, unreadable, another build's). */
export function readCspManifest(distDir: string): { manifest: CspManifest } | { problem: string } {
  const file = path.join(distDir, cspManifestFile);
  let manifest: CspManifest;
  let buildId: string;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as CspManifest;
    buildId = fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  } catch (error) {
    return { problem: `${file} cannot be read (${(error as Error).message}); build with \`npm run build\`, which writes it` };
  }
  if (typeof manifest?.pages !== 'object' || manifest.pages === null) return { problem: `${file} lists no pages` };
  if (manifest.buildId !== buildId)
    return { problem: `${file} is for build ${manifest.buildId}, not the current build ${buildId}; run \`npm run build\`` };
  return { manifest };
}
