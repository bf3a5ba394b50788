-- SPEC §19 consent and double opt-in.

-- A contact's consent log, append-only: each grant (a ticked consent field, a
-- double opt-in confirmation, a person recording it by hand) and each withdrawal
-- (an unsubscribe, by hand) with what the person saw and where it came from.
-- action: granted | withdrawn; source: form | double_opt_in | unsubscribe | manual.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  action TEXT NOT NULL,
  source TEXT NOT NULL,
  consent_text TEXT NOT NULL DEFAULT '',
  privacy_url TEXT NOT NULL DEFAULT '',
  field_name TEXT,
  form_id TEXT,
  form_version INTEGER,
  submission_id TEXT,
  ip TEXT,
  user_agent TEXT,
  recorded_by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX consents_contact ON consents (workspace_id, contact_id, created_at);

-- The contact's current state, kept beside the log so sending checks one row:
-- marketing_consent: NULL (never recorded) | granted | withdrawn;
-- opt_in_status: NULL | pending_confirmation | confirmed (double opt-in).
ALTER TABLE contacts ADD COLUMN marketing_consent TEXT;
ALTER TABLE contacts ADD COLUMN opt_in_status TEXT;

-- One double opt-in request per held-back submission. The link carries the id
-- signed with the server's secret (never the contact id alone); it works once
-- (confirmed_at) and until expires_at.
CREATE TABLE opt_in_requests (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  submission_id TEXT NOT NULL UNIQUE,
  form_id TEXT NOT NULL,
  email_id TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  confirmed_at TEXT,
  confirmed_ip TEXT
);
CREATE INDEX opt_in_requests_contact ON opt_in_requests (workspace_id, contact_id);
