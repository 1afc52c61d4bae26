import { createHash } from 'node:crypto';
import { articleLangs, type ArticleLang, type BlockKind } from './types';

/** One sentence pair of the map: its id and a hash of its text in each language. */
export type IdMapSentence = { id: string } & Record<ArticleLang, string>;

/** One block of the map, in reading order: its id, its kind, and for figures and charts the key both languages share. */
export type IdMapBlock = { id: string; kind: BlockKind; key?: string; sentences: IdMapSentence[] };

/**
 * `content/<slug>/ids.json`: the ids of an article's blocks and sentences, in reading order, kept
 * beside the MDX so that editing the text changes only the ids of what was touched (issue 15,
 * docs/decisions/011-ids-that-survive-edits.md). Written by `npm run content:ids`, checked by
 * `npm run content:check`, read by the compiler. `revision` counts the edits the map has recorded;
 * `files` holds a hash of each MDX file as last recorded, so any unrecorded edit is refused;
 * `retired` lists the ids of deleted text, never to be given out again.
 */
export type IdMap = {
  revision: number;
  files: Record<ArticleLang, string>;
  blocks: IdMapBlock[];
  retired: string[];
};

/** A short hash of a text, enough to tell one version of a sentence or file from another. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Parses ids.json, refusing anything that is not a well-formed map (it is hand-editable). */
export function parseIdMap(json: string): IdMap {
  const map = JSON.parse(json) as IdMap;
  const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const wellFormed =
    Number.isInteger(map?.revision) &&
    map.revision > 0 &&
    articleLangs.every((lang) => typeof map.files?.[lang] === 'string') &&
    strings(map.retired) &&
    Array.isArray(map.blocks) &&
    map.blocks.every(
      (block) =>
        typeof block?.id === 'string' &&
        typeof block.kind === 'string' &&
        Array.isArray(block.sentences) &&
        block.sentences.every((s) => typeof s?.id === 'string' && articleLangs.every((lang) => typeof s[lang] === 'string')),
    );
  if (!wellFormed) throw new Error('ids.json is not an id map (revision, files, blocks, retired)');
  return map;
}

/** The map as written to disk: one line per block, so an edit's diff shows which blocks it touched. */
export function formatIdMap(map: IdMap): string {
  const blocks = map.blocks.map((block) => `    ${JSON.stringify(block)}`).join(',\n');
  return `{
  "revision": ${map.revision},
  "files": ${JSON.stringify(map.files)},
  "blocks": [
${blocks}
  ],
  "retired": ${JSON.stringify(map.retired)}
}
`;
}
