-- Marketing email rules (SPEC §8). The suppression list: one row per address a
-- workspace may no longer send marketing mail to (unsubscribed, hard bounce),
-- checked when each marketing email is sent.
CREATE TABLE email_suppressions (
  workspace_id TEXT NOT NULL,
  email_lower TEXT NOT NULL,
  reason TEXT NOT NULL,
  contact_id TEXT,
  email_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, email_lower)
);

-- Email templates: subject and bodies users write, with {{placeholders}}.
CREATE TABLE email_templates (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX email_templates_workspace ON email_templates (workspace_id, created_at, id);
-- The outbox filters by status and kind within a workspace, newest first.
CREATE INDEX emails_workspace_status ON emails (workspace_id, status, created_at);
