import { describe, expect, it } from 'vitest';
import { changesBeyondRawObjects, withoutRawObjects } from '../../scripts/db/raw-objects';

const dropRaw = '-- DropIndex\nDROP INDEX "raw_Annotation_search_reading";';
const dropRawPg = '-- DropIndex\nDROP INDEX "public"."raw_Annotation_searchText_trgm";';
const dropOther = '-- DropIndex\nDROP INDEX "Annotation_authorId_article_visibility_hiddenAt_idx";';
const addColumn = '-- AlterTable\nALTER TABLE "Annotation" ADD COLUMN "color" TEXT NOT NULL DEFAULT \'yellow\';';

describe('objects on one database only (raw_* indexes)', () => {
  it('are no difference: a diff that only drops them changes nothing', () => {
    expect(changesBeyondRawObjects(`${dropRaw}\n\n${dropRawPg}\n`)).toBe(false);
    expect(withoutRawObjects(`${dropRaw}\n\n${dropRawPg}\n`).trim()).toBe('');
  });

  it('leave every other statement in, and in order', () => {
    const sql = `${dropRaw}\n\n${addColumn}\n\n${dropOther}\n`;
    expect(changesBeyondRawObjects(sql)).toBe(true);
    expect(withoutRawObjects(sql).trim()).toBe(`${addColumn}\n\n${dropOther}`);
  });

  it('do not hide an index merely named like one', () => {
    expect(changesBeyondRawObjects('DROP INDEX "not_raw_index";')).toBe(true);
    expect(changesBeyondRawObjects('DROP TABLE "raw_table";')).toBe(true);
  });
});
