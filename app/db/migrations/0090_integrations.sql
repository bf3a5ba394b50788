-- Integrations (SPEC §18): webhook endpoints and their delivery log, idempotent
-- API writes, members' notification preferences and Slack incoming webhooks.

-- An endpoint receives the catalogue's webhook events of its workspace (event_types
-- is read in Python, never queried in SQL). active is the admins' switch;
-- status_reason says why the system switched it off: 'failing' (20 failures in a
-- row) or 'gone' (the receiver answered 410). The secret signs every delivery.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  event_types TEXT NOT NULL DEFAULT '[]',
  form_id TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  status_reason TEXT,
  secret TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_delivery_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints (workspace_id, active);

-- One row per (endpoint, event): the body is frozen when the event happens, so
-- every attempt and every resend sends the same bytes under the same delivery id
-- (FormAgent-Delivery), which is what a receiver deduplicates on. The columns
-- after "attempts" describe the latest attempt.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  event_id TEXT,
  event_type TEXT NOT NULL,
  body TEXT NOT NULL,
  test INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  response_status INTEGER,
  duration_ms INTEGER,
  response_excerpt TEXT,
  error TEXT,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
-- status: pending (queued or waiting for a retry at next_attempt_at), sending (a call
-- in flight until the deadline in next_attempt_at), delivered, failed. The scheduler
-- finds calls whose process died by this index.
CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, next_attempt_at);

-- Idempotency-Key on POST /api/... (SPEC §18): kept 24 h per workspace and key.
-- The primary key decides between concurrent duplicates: the one whose INSERT
-- lands runs the request ('pending'), the others see its row.
CREATE TABLE idempotency_keys (
  workspace_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  response_status INTEGER,
  response_body TEXT,
  response_type TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- A member's notification choice: 'each' (an email per new assignment), 'digest'
-- (one email a day at digest_hour in their time zone) or 'none'. No row = 'each'.
CREATE TABLE member_notifications (
  membership_id TEXT PRIMARY KEY REFERENCES memberships(id),
  workspace_id TEXT NOT NULL,
  mode TEXT NOT NULL DEFAULT 'each',
  timezone TEXT NOT NULL DEFAULT 'UTC',
  digest_hour INTEGER NOT NULL DEFAULT 8,
  last_digest_on TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX member_notifications_mode ON member_notifications (mode);

-- Slack-compatible incoming webhooks: one for the workspace (handler_id = '')
-- and at most one per handler.
CREATE TABLE slack_targets (
  workspace_id TEXT NOT NULL,
  handler_id TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, handler_id)
);
