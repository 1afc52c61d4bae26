-- The sentence as it read when an editor accepted a suggestion (docs/decisions/012). Written by hand:
-- the generated migration redefined the Annotation table, which would drop its hand-written indexes.
ALTER TABLE "Annotation" ADD COLUMN "suggestionBase" TEXT;
