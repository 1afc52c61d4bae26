-- Each sentence's counts carry the article revision they are current from, so that a reader can ask
-- for what changed since the summary it holds (GET …/summary?since=R). Existing rows: 0, "current from
-- the start", which no reader's summary predates.
ALTER TABLE "SentenceActivity" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;
