-- SPEC §19 spam verdicts: a submission's score and the signals that made it (JSON, shown
-- on the spam page, never queried), per-form tuned weights and the log of every change.
ALTER TABLE submissions ADD COLUMN spam_score REAL;
ALTER TABLE submissions ADD COLUMN spam_verdict TEXT;
-- The 30-day quarantine purge; partial, so ordinary submissions pay nothing for it.
CREATE INDEX submissions_quarantined ON submissions (created_at) WHERE status = 'quarantined';

CREATE TABLE spam_weights (
  form_id TEXT NOT NULL,
  signal TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  weight REAL NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (form_id, signal)
);

CREATE TABLE spam_tuning_log (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  submission_id TEXT,
  signal TEXT NOT NULL,
  old_weight REAL NOT NULL,
  new_weight REAL NOT NULL,
  cause TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX spam_tuning_log_form ON spam_tuning_log (form_id, created_at);
