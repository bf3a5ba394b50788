-- Retention (SPEC §19): how far the periodic task has cleared a workspace's old
-- submissions. Rows older than the cut-off are emptied in slices in created_at order;
-- upto_created_at / upto_id is the last one done, so each slice starts after it instead
-- of re-reading the rows already cleared.
CREATE TABLE retention_progress (
  workspace_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  upto_created_at TEXT NOT NULL,
  upto_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, kind)
);
