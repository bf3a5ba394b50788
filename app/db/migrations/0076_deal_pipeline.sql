-- Deals become a pipeline record (issue 14 item 10): a currency per deal (NULL on deals made
-- before: they read as the workspace currency), an owner (an account that is a member), an
-- expected close date (YYYY-MM-DD), and a timeline of who did what to the deal.
ALTER TABLE deals ADD COLUMN currency TEXT;
ALTER TABLE deals ADD COLUMN owner_id TEXT REFERENCES accounts(id);
ALTER TABLE deals ADD COLUMN expected_close_date TEXT;

CREATE TABLE deal_activities (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL DEFAULT '',
  from_stage TEXT,
  to_stage TEXT,
  body TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX deal_activities_deal ON deal_activities (deal_id, created_at, id);
