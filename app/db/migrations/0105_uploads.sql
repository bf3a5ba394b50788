-- File uploads (SPEC §17). A visitor's file is stored before the submission that
-- carries it: the row is written with its random token, which the visitor sends as
-- the file field's value; capture attaches it (submission_id) in the submission's
-- transaction. The bytes live under the data dir, content-addressed per workspace
-- (<data>/files/<workspace_id>/<sha256[:2]>/<sha256>), so several rows may share one
-- blob; a blob is deleted when no row references it any more. Rows never attached
-- are purged after 24 hours (app/services/capture/uploads_purge.py).
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  form_id TEXT NOT NULL,
  field_name TEXT NOT NULL,
  token TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  ip TEXT,
  submission_id TEXT,
  created_at TEXT NOT NULL,
  attached_at TEXT
);
CREATE UNIQUE INDEX uploads_token ON uploads (token);
CREATE INDEX uploads_submission ON uploads (submission_id);
CREATE INDEX uploads_blob ON uploads (workspace_id, sha256);
CREATE INDEX uploads_rate ON uploads (form_id, ip, created_at);
CREATE INDEX uploads_unattached ON uploads (created_at) WHERE submission_id IS NULL;

-- Blobs whose last row may be gone (an erasure, the purge): the purge unlinks each
-- one that no uploads row references any more, then forgets it.
CREATE TABLE upload_orphans (
  workspace_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, sha256)
);
