import fs from 'node:fs';
import path from 'node:path';
import { createCspManifest, cspManifestFile, prerenderedHtmlFile, type PrerenderManifest } from '../lib/csp/manifest';

/**
 * `npm run build` runs this after `next build`: the hashes of every prerendered page's inline
 * scripts, by path, in `.next/csp-hashes.json`, for proxy.ts to send in each page's CSP.
 */
const distDir = path.resolve(process.argv[2] ?? '.next');
try {
  const buildId = fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  const prerender = JSON.parse(fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as PrerenderManifest;
  const manifest = createCspManifest(buildId, prerender, (route) => fs.readFileSync(prerenderedHtmlFile(distDir, route), 'utf8'));
  fs.writeFileSync(path.join(distDir, cspManifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  const pages = Object.values(manifest.pages);
  const hashes = pages.reduce((sum, page) => sum + page.length, 0);
  console.log(
    `csp:hashes: ${hashes} inline script hashes for ${pages.length} static pages in ${path.relative(process.cwd(), distDir)}/${cspManifestFile}`,
  );
} catch (error) {
  console.error(`csp:hashes: ${(error as Error).message}`);
  process.exit(1);
}
