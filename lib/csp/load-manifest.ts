import path from 'node:path';
import { readCspManifest, type CspManifest } from './manifest';

let loaded: { manifest?: CspManifest } | undefined;

/**
 * The CSP manifest of the build this server runs (`.next/` under the working directory, as for
 * `next start`), read once. Without a usable one, pages fall back to 'unsafe-inline' (see
 * pageScriptSources), so this logs an error saying so, once per process.
 */
export function loadCspManifest(): CspManifest | undefined {
  if (loaded) return loaded.manifest;
  const result = readCspManifest(path.join(process.cwd(), '.next'));
  if ('problem' in result) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: "Content-Security-Policy: no script hashes for the static pages, so every page allows inline scripts ('unsafe-inline')",
        problem: result.problem,
      }),
    );
    loaded = {};
  } else {
    loaded = { manifest: result.manifest };
  }
  return loaded.manifest;
}
