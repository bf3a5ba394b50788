-- Agents (SPEC §6.4, §6.5): the plan of each agent run is stored before any
-- action runs, so a retry or a reprocess replays the same plan and the
-- per-(submission, action index) idempotency of action_runs holds.
CREATE TABLE agent_runs (
  submission_id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  handler_id TEXT,
  status TEXT NOT NULL DEFAULT 'planning',
  plan TEXT,
  blocked TEXT NOT NULL DEFAULT '[]',
  engine TEXT,
  llm_requeues INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agent_runs_workspace ON agent_runs (workspace_id, status, updated_at);

ALTER TABLE drafts ADD COLUMN contact_updates TEXT NOT NULL DEFAULT '{}';
ALTER TABLE drafts ADD COLUMN blocked_actions TEXT NOT NULL DEFAULT '[]';
-- At most one pending draft per submission: re-running a draft-mode agent never stacks drafts.
CREATE UNIQUE INDEX drafts_pending_submission ON drafts (submission_id) WHERE status = 'pending';
CREATE INDEX drafts_handler ON drafts (handler_id, status);

-- Why an agent flagged the submission for a human look (a blocked action, a review window).
ALTER TABLE submissions ADD COLUMN agent_flag TEXT;
