-- The sentence as it read when an editor accepted a suggestion (docs/decisions/012). (The generator
-- also listed the hand-written search index on searchText as removed: it stays.)
ALTER TABLE "Annotation" ADD COLUMN "suggestionBase" TEXT;
