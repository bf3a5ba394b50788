-- A/B experiments on a form (SPEC §9): variants with weights and overrides
-- (JSON), one active per form, and the optimization log (JSON list).
CREATE TABLE experiments (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  form_id TEXT NOT NULL REFERENCES forms(id),
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  metric TEXT NOT NULL DEFAULT 'conversion_rate',
  min_sample_size INTEGER NOT NULL DEFAULT 30,
  variants TEXT NOT NULL DEFAULT '[]',
  winner_variant_id TEXT,
  optimization_log TEXT NOT NULL DEFAULT '[]',
  -- the last promotion, kept for the autopilot's 48 h rollback watch
  promotion TEXT,
  started_at TEXT,
  ended_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX experiments_one_active ON experiments (form_id) WHERE status = 'active';
CREATE INDEX experiments_workspace ON experiments (workspace_id, created_at);
CREATE INDEX submissions_experiment ON submissions (experiment_id, variant_id)
  WHERE experiment_id IS NOT NULL;
