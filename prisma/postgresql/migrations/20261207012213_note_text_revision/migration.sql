-- The revision of the article's text a note's selectors were made on (content/<slug>/ids.json, issue
-- 15; every note so far was made on the first), and whether re-anchoring after an edit found no place
-- for it. Added in place: redefining the table would drop the raw_* indexes beside it.
ALTER TABLE "Annotation" ADD COLUMN "textRevision" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Annotation" ADD COLUMN "orphaned" BOOLEAN NOT NULL DEFAULT false;
