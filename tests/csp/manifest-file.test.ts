import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cspManifestFile, readCspManifest } from '@/lib/csp/manifest';

describe('reading the manifest of the build a server runs', () => {
  let dist: string;
  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-'));
    fs.writeFileSync(path.join(dist, 'BUILD_ID'), 'b2');
  });
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));
  const write = (manifest: unknown) => fs.writeFileSync(path.join(dist, cspManifestFile), JSON.stringify(manifest));

  it('returns the manifest of this build', () => {
    write({ buildId: 'b2', pages: { '/zh': ["'sha256-a'"] } });
    expect(readCspManifest(dist)).toEqual({ manifest: { buildId: 'b2', pages: { '/zh': ["'sha256-a'"] } } });
  });

  it('says why it cannot be used: missing, or another build’s', () => {
    expect(readCspManifest(dist)).toEqual({ problem: expect.stringMatching(/csp-hashes\.json cannot be read .*npm run build/) });
    write({ buildId: 'b1', pages: {} });
    expect(readCspManifest(dist)).toEqual({ problem: expect.stringMatching(/is for build b1, not the current build b2/) });
    write({ buildId: 'b2' });
    expect(readCspManifest(dist)).toEqual({ problem: expect.stringMatching(/lists no pages/) });
  });
});

// A prerendered page regenerated while the server runs would carry inline scripts its hashes do not
// allow. Time-based revalidation fails the build (scripts/csp-hashes.ts); on-demand revalidation can
// only be found in the code.
describe('prerendered pages are never regenerated at run time', () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(file);
      return /\.tsx?$/.test(entry.name) ? [file] : [];
    });

  it('no code revalidates a path or a tag', () => {
    const calls = ['app', 'components', 'lib']
      .flatMap(sources)
      .filter((file) =>
        /\b(revalidatePath|revalidateTag|updateTag|unstable_expirePath|unstable_expireTag)\s*\(/.test(fs.readFileSync(file, 'utf8')),
      );
    expect(calls).toEqual([]);
  });
});
