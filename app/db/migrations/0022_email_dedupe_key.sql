-- Every email names what makes it unique (SPEC §8): dedupe_key, unique per
-- workspace, replaces the optional, globally unique idempotency_key. And each
-- email points at its delivery job, so finding mail without a live job is a
-- primary-key lookup instead of matching the job's payload text.
CREATE TABLE emails_new (
  id TEXT PRIMARY KEY,
  workspace_id TEXT,
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT,
  kind TEXT NOT NULL DEFAULT 'transactional',
  status TEXT NOT NULL DEFAULT 'queued',
  attempts INTEGER NOT NULL DEFAULT 0,
  contact_id TEXT,
  submission_id TEXT,
  related TEXT NOT NULL DEFAULT '{}',
  headers TEXT NOT NULL DEFAULT '{}',
  dedupe_key TEXT NOT NULL,
  delivery_job_id TEXT,
  last_error TEXT,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
-- An email queued without a key was unique by itself: its id becomes its key.
INSERT INTO emails_new (id, workspace_id, to_addr, subject, body_text, body_html, kind, status,
  attempts, contact_id, submission_id, related, headers, dedupe_key, last_error,
  next_attempt_at, created_at, sent_at)
SELECT id, workspace_id, to_addr, subject, body_text, body_html, kind, status,
  attempts, contact_id, submission_id, related, headers, COALESCE(idempotency_key, id), last_error,
  next_attempt_at, created_at, sent_at
FROM emails;
-- Live delivery jobs keep their email (one pass over the jobs table).
UPDATE emails_new SET delivery_job_id = live.id
FROM (SELECT id, json_extract(payload, '$.email_id') AS email_id FROM jobs
      WHERE kind = 'deliver_email' AND status IN ('queued', 'running')) AS live
WHERE live.email_id = emails_new.id;
DROP TABLE emails;
ALTER TABLE emails_new RENAME TO emails;
CREATE UNIQUE INDEX emails_dedupe ON emails (workspace_id, dedupe_key);
CREATE INDEX emails_workspace ON emails (workspace_id, created_at);
CREATE INDEX emails_status ON emails (status, next_attempt_at);
CREATE INDEX emails_contact ON emails (contact_id);
