-- Nurture sequences (SPEC §8): ordered steps sent to enrolled contacts on schedule.
-- A deleted sequence keeps its row (deleted_at) so the enrollments it stopped
-- still name it on contact timelines.
CREATE TABLE sequences (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  stop_conditions TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX sequences_workspace ON sequences (workspace_id, created_at, id);

-- send_time is "HH:MM" in the workspace time zone, or NULL (send when the delay ends).
CREATE TABLE sequence_steps (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  sequence_id TEXT NOT NULL REFERENCES sequences(id),
  position INTEGER NOT NULL,
  delay_days INTEGER NOT NULL DEFAULT 0,
  delay_hours INTEGER NOT NULL DEFAULT 0,
  send_time TEXT,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  agent_personalize INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX sequence_steps_sequence ON sequence_steps (sequence_id, position);

-- current_step = how many steps were sent; the next one is the step at that
-- position. history is a JSON list of what happened, oldest first.
CREATE TABLE enrollments (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  sequence_id TEXT NOT NULL REFERENCES sequences(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  campaign_id TEXT,
  submission_id TEXT,
  current_step INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active',
  stop_reason TEXT,
  enrolled_at TEXT NOT NULL,
  next_step_due_at TEXT,
  completed_at TEXT,
  history TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL
);
-- No second live enrollment of a contact in a sequence, even across processes (409).
CREATE UNIQUE INDEX enrollments_one_live ON enrollments (sequence_id, contact_id)
  WHERE status IN ('active', 'paused');
-- The scheduler's scan: active enrollments whose next step is due.
CREATE INDEX enrollments_due ON enrollments (status, next_step_due_at);
CREATE INDEX enrollments_sequence ON enrollments (sequence_id, enrolled_at, id);
CREATE INDEX enrollments_contact ON enrollments (workspace_id, contact_id, enrolled_at);
