-- SPEC §17 partial submissions: the answers a visitor typed before leaving, saved once
-- a valid email is in them, keyed by a resume token kept in the browser (stored hashed).
-- A completed submission carrying the token deletes its row; a row left past the form's
-- delay (abandon_at, computed when saved) becomes 'abandoned'; rows go after 30 days.
CREATE TABLE partial_submissions (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  form_id TEXT NOT NULL REFERENCES forms(id),
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT,
  data TEXT NOT NULL DEFAULT '{}',
  page_url TEXT,
  step INTEGER,
  steps_total INTEGER,
  last_field TEXT,
  ip TEXT,
  saves INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'open',
  abandon_at TEXT NOT NULL,
  abandoned_at TEXT,
  follow_up_email_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partial_submissions_list ON partial_submissions (workspace_id, form_id, created_at);
CREATE INDEX partial_submissions_due ON partial_submissions (status, abandon_at);
CREATE INDEX partial_submissions_ip ON partial_submissions (form_id, ip, created_at);
CREATE INDEX partial_submissions_age ON partial_submissions (updated_at);
