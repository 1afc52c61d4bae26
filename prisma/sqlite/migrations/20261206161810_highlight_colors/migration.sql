-- Highlight colours (issue 13). Columns added in place: no table is rebuilt, however many notes there are.
ALTER TABLE "Annotation" ADD COLUMN "color" TEXT NOT NULL DEFAULT 'yellow';
ALTER TABLE "User" ADD COLUMN "highlightNames" TEXT NOT NULL DEFAULT '{}';

-- Notes written before colours could be chosen keep the colour their kind was painted in.
UPDATE "Annotation" SET "color" = 'blue' WHERE "kind" = 'comment';
UPDATE "Annotation" SET "color" = 'purple' WHERE "kind" = 'question';
UPDATE "Annotation" SET "color" = 'pink' WHERE "kind" = 'claim';
