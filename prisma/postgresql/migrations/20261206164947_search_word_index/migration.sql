-- The review's word search without reading the notes themselves (docs/decisions/009): a trigram index
-- on the search text, which LIKE '%word%' uses for words of three characters or more (a word no note
-- has: 45 ms → under 1 ms at 100,000 notes here). Prisma's shared schema cannot say "on PostgreSQL
-- only", so the schema checks (scripts/db/raw-objects.ts) leave indexes named raw_* alone.
-- pg_trgm is a trusted extension: the app's role needs CREATE on the database, not superuser. It goes
-- in schema public whatever the app's schema, so backups of that schema restore next to it
-- (lib/db/backup.ts creates it there first).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX "raw_Annotation_searchText_trgm" ON "Annotation" USING GIN ("searchText" public.gin_trgm_ops);
