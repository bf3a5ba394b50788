-- Accounts, workspaces, memberships, sessions, API keys, jobs, events, outbox.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_lower TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL,
  last_login_at TEXT
);

CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  owner_id TEXT NOT NULL REFERENCES accounts(id),
  settings TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  account_id TEXT REFERENCES accounts(id),
  email TEXT NOT NULL,
  email_lower TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  invited_by TEXT REFERENCES accounts(id),
  invited_at TEXT,
  expires_at TEXT,
  joined_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (workspace_id, email_lower)
);
CREATE INDEX memberships_account ON memberships (account_id, status);
CREATE INDEX memberships_email ON memberships (email_lower, status);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  workspace_id TEXT REFERENCES workspaces(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  last_seen_at TEXT,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  email_lower TEXT NOT NULL,
  ip TEXT,
  succeeded INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email_lower, created_at);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  account_id TEXT REFERENCES accounts(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'active',
  expires_at TEXT,
  last_used_at TEXT,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at);

-- Durable background work (SPEC §6.6). attempts doubles as the fencing token.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  workspace_id TEXT,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'queued',
  run_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  lease_until TEXT,
  locked_by TEXT,
  last_error TEXT,
  dedupe_key TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX jobs_due ON jobs (status, run_at);
CREATE INDEX jobs_lease ON jobs (status, lease_until);

-- The event log: seq orders it (streams read from a cursor over seq).
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  type TEXT NOT NULL,
  submission_id TEXT,
  form_id TEXT,
  handler_id TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX events_workspace ON events (workspace_id, seq);
CREATE INDEX events_submission ON events (submission_id, seq);
CREATE INDEX events_type ON events (workspace_id, type, seq);

-- Every email goes through the outbox (SPEC §8).
CREATE TABLE emails (
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
  idempotency_key TEXT UNIQUE,
  last_error TEXT,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX emails_workspace ON emails (workspace_id, created_at);
CREATE INDEX emails_status ON emails (status, next_attempt_at);
CREATE INDEX emails_contact ON emails (contact_id);
