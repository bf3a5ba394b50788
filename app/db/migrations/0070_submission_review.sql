-- Semi-autonomous submissions (SPEC §6.4) wait for a person's look: who marked
-- one reviewed and when. "Needs review" counts those with review_due_at set and
-- reviewed_at still empty, so that pair gets a partial index.
ALTER TABLE submissions ADD COLUMN reviewed_at TEXT;
ALTER TABLE submissions ADD COLUMN reviewed_by TEXT;
CREATE INDEX submissions_review_pending ON submissions (workspace_id, review_due_at)
  WHERE review_due_at IS NOT NULL AND reviewed_at IS NULL;
