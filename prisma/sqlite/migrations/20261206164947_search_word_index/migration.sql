-- The review's word search without reading the notes themselves (docs/decisions/009): the search text
-- in the two orders a search pages in, so that a word few notes have is looked for in the index alone
-- (an index-only scan: 110 → 30 ms at 100,000 notes here) rather than note by note. SQLite only:
-- PostgreSQL's b-tree cannot hold texts this long, and has pg_trgm instead. Prisma's schema cannot say
-- "this index on one database only", so the schema checks (scripts/db/raw-objects.ts) leave indexes
-- named raw_* alone.
CREATE INDEX "raw_Annotation_search_reading" ON "Annotation"("article", "visibility", "hiddenAt", "readingOrder", "createdAt", "id", "searchText");
CREATE INDEX "raw_Annotation_search_newest" ON "Annotation"("article", "visibility", "hiddenAt", "createdAt", "id", "searchText");
