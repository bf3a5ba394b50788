-- The first wave's domain: forms, capture, handlers, CRM, human work, agents.
-- JSON is kept as TEXT (SPEC §1). Every table carries workspace_id.
CREATE TABLE forms (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  type TEXT NOT NULL DEFAULT 'general',
  flow_id TEXT NOT NULL DEFAULT 'direct_route',
  assignment_type TEXT,
  assignment_id TEXT,
  fields TEXT NOT NULL DEFAULT '[]',
  field_mapping TEXT NOT NULL DEFAULT '{}',
  auto TEXT NOT NULL DEFAULT '{}',
  agent TEXT NOT NULL DEFAULT '{}',
  security TEXT NOT NULL DEFAULT '{}',
  response TEXT NOT NULL DEFAULT '{}',
  autopilot INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (workspace_id, slug)
);
CREATE INDEX forms_workspace ON forms (workspace_id, status, created_at);

CREATE TABLE companies (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  name_normalized TEXT NOT NULL,
  domain TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (workspace_id, name_normalized)
);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  email TEXT NOT NULL,
  email_lower TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  company_id TEXT REFERENCES companies(id),
  status TEXT NOT NULL DEFAULT 'lead',
  source TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  custom_fields TEXT NOT NULL DEFAULT '{}',
  submission_count INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (workspace_id, email_lower)
);
CREATE INDEX contacts_workspace_created ON contacts (workspace_id, created_at, id);
CREATE INDEX contacts_company ON contacts (company_id);

-- One row per (contact, tag): tag filters stay indexed at 100 000 contacts.
CREATE TABLE contact_tags (
  workspace_id TEXT NOT NULL,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tags_tag ON contact_tags (workspace_id, tag);

CREATE TABLE handlers (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  account_id TEXT REFERENCES accounts(id),
  instructions TEXT NOT NULL DEFAULT '',
  model TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  state TEXT NOT NULL DEFAULT 'idle',
  last_heartbeat_at TEXT,
  current_submission_id TEXT,
  removed_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX handlers_workspace ON handlers (workspace_id);

CREATE TABLE handler_groups (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  routing_strategy TEXT NOT NULL DEFAULT 'round_robin',
  settings TEXT NOT NULL DEFAULT '{}',
  last_assigned_member_id TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE handler_group_members (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  group_id TEXT NOT NULL REFERENCES handler_groups(id) ON DELETE CASCADE,
  handler_id TEXT NOT NULL REFERENCES handlers(id),
  role TEXT NOT NULL DEFAULT 'member',
  active INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (group_id, handler_id)
);

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  form_id TEXT NOT NULL REFERENCES forms(id),
  flow_id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  meta TEXT NOT NULL DEFAULT '{}',
  field_interactions TEXT NOT NULL DEFAULT '{}',
  email_lower TEXT,
  ip TEXT,
  experiment_id TEXT,
  variant_id TEXT,
  contact_id TEXT REFERENCES contacts(id),
  company_id TEXT REFERENCES companies(id),
  is_new_contact INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'received',
  outcome TEXT,
  assigned_type TEXT,
  assigned_id TEXT,
  actions TEXT NOT NULL DEFAULT '[]',
  agent_notes TEXT NOT NULL DEFAULT '',
  created_entities TEXT NOT NULL DEFAULT '{}',
  review_due_at TEXT,
  created_at TEXT NOT NULL,
  processed_at TEXT,
  processing_duration_ms INTEGER
);
CREATE INDEX submissions_workspace ON submissions (workspace_id, created_at, id);
CREATE INDEX submissions_form ON submissions (form_id, created_at);
CREATE INDEX submissions_form_ip ON submissions (form_id, ip, created_at);
CREATE INDEX submissions_form_email ON submissions (form_id, email_lower, created_at);
CREATE INDEX submissions_status ON submissions (workspace_id, status, created_at);
CREATE INDEX submissions_contact ON submissions (contact_id, created_at);
CREATE INDEX submissions_assigned ON submissions (assigned_id, status);

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  submission_id TEXT,
  form_id TEXT,
  utm_source TEXT, utm_medium TEXT, utm_campaign TEXT, utm_content TEXT, utm_term TEXT,
  page_url TEXT,
  referrer TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX touchpoints_contact ON touchpoints (contact_id, created_at);
CREATE INDEX touchpoints_source ON touchpoints (workspace_id, utm_source, created_at);

-- Rejected traffic (honeypot, limits, duplicates): SPEC §5.
CREATE TABLE spam_log (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  ip TEXT,
  email TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX spam_log_form ON spam_log (form_id, created_at);
CREATE INDEX spam_log_workspace ON spam_log (workspace_id, created_at);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  assignee_id TEXT REFERENCES handlers(id),
  submission_id TEXT,
  contact_id TEXT,
  due_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tasks_assignee ON tasks (workspace_id, assignee_id, status);
CREATE UNIQUE INDEX tasks_submission ON tasks (submission_id) WHERE submission_id IS NOT NULL;

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  reference TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  priority TEXT NOT NULL DEFAULT 'normal',
  assignee_id TEXT REFERENCES handlers(id),
  submission_id TEXT,
  contact_id TEXT,
  due_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tickets_assignee ON tickets (workspace_id, assignee_id, status);
CREATE UNIQUE INDEX tickets_submission ON tickets (submission_id) WHERE submission_id IS NOT NULL;

CREATE TABLE deals (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  amount REAL NOT NULL DEFAULT 0,
  stage TEXT NOT NULL DEFAULT 'open',
  contact_id TEXT REFERENCES contacts(id),
  company_id TEXT REFERENCES companies(id),
  source_submission_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX deals_workspace ON deals (workspace_id, stage, updated_at);
CREATE INDEX deals_contact ON deals (contact_id, stage);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  submission_id TEXT,
  author TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX notes_contact ON notes (contact_id, created_at);

CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  contact_id TEXT,
  submission_id TEXT,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX activities_contact ON activities (contact_id, created_at);

CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  handler_id TEXT,
  reasoning TEXT NOT NULL DEFAULT '',
  planned_actions TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'pending',
  reviewed_by TEXT,
  reviewed_at TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX drafts_workspace ON drafts (workspace_id, status, created_at);

-- Idempotency of agent actions per (submission, action index): SPEC §6.4.
CREATE TABLE action_runs (
  submission_id TEXT NOT NULL,
  action_index INTEGER NOT NULL,
  workspace_id TEXT NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  PRIMARY KEY (submission_id, action_index)
);

CREATE TABLE errors (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  submission_id TEXT,
  handler_id TEXT,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX errors_workspace ON errors (workspace_id, created_at);

-- Views and starts per form, variant and day (public beacon, SPEC §9).
CREATE TABLE form_daily_stats (
  workspace_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  variant_id TEXT NOT NULL DEFAULT '',
  day TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0,
  starts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (form_id, variant_id, day)
);

-- LLM calls and their token usage (SPEC §6.5).
CREATE TABLE llm_calls (
  id TEXT PRIMARY KEY,
  workspace_id TEXT,
  purpose TEXT NOT NULL,
  engine TEXT NOT NULL,
  model TEXT,
  status TEXT NOT NULL,
  input_tokens INTEGER,
  output_tokens INTEGER,
  duration_ms INTEGER,
  error TEXT,
  created_at TEXT NOT NULL
);
