-- The audit log (SPEC §19): who did what to the workspace's members, roles, API keys,
-- webhooks and settings, and who exported or erased a person's data, with the IP it came
-- from. Append-only: the code has an INSERT and SELECTs, no UPDATE or DELETE
-- (app/services/audit/log.py). actor_name and target_label are copied in when the row is
-- written, so the trail still reads right after the member or key is gone. Rows about a
-- contact name it by id only: an erasure must never have to rewrite this table.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  action TEXT NOT NULL,
  category TEXT NOT NULL,
  actor_account_id TEXT,
  actor_key_id TEXT,
  actor_name TEXT NOT NULL DEFAULT '',
  ip TEXT,
  target_id TEXT,
  target_label TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, created_at, id);
CREATE INDEX audit_log_category ON audit_log (workspace_id, category, created_at, id);
CREATE INDEX audit_log_actor ON audit_log (workspace_id, actor_account_id, created_at, id);
