import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README is a map (issue 14): short, and every link in it and in docs/ leads somewhere.

const root = process.cwd();
const documents = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join('docs', file)),
];

/** The repository paths a Markdown file links to (web addresses and in-page anchors left out). */
function linkedPaths(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((target) => target && !/^[a-z]+:/i.test(target))
    .map((target) => path.normalize(path.join(path.dirname(file), decodeURI(target))));
}

describe('the README and docs/', () => {
  it('keep the README a map of at most 10 KB', () => {
    expect(fs.statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(documents)('%s links only to files and folders that exist', (file) => {
    const missing = linkedPaths(file).filter((target) => !fs.existsSync(path.join(root, target)));
    expect(missing).toEqual([]);
  });

  it('link every document in docs/ from the README or another document', () => {
    const linked = new Set(documents.flatMap(linkedPaths));
    const orphans = documents.filter(
      (file) => file !== 'README.md' && !file.startsWith(path.join('docs', 'decisions')) && !linked.has(file),
    );
    expect(orphans).toEqual([]);
  });
});
