-- The new-workspace checklist (issue 14): every step but one ticks itself from real data
-- (forms, submissions, memberships). What no other table records is kept here: that
-- someone copied an embed snippet or hosted link, and that the checklist was dismissed.
CREATE TABLE onboarding (
  workspace_id TEXT PRIMARY KEY,
  embed_copied_at TEXT,
  dismissed_at TEXT,
  dismissed_by TEXT
);
