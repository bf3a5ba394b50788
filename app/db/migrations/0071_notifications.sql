-- The in-app bell (issue 14): one row per member and fact (assigned to you, a
-- draft waits, a review is due, you were mentioned), written in the transaction
-- that makes the fact. dedupe_key makes a retried or reprocessed step write it
-- once. entity_id is what the item links to (sub_, draft_, contact_, deal_...).
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  entity_id TEXT,
  dedupe_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (workspace_id, account_id, dedupe_key)
);
CREATE INDEX notifications_inbox ON notifications (workspace_id, account_id, created_at);
CREATE INDEX notifications_unread ON notifications (workspace_id, account_id)
  WHERE read_at IS NULL;
