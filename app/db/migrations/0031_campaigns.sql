-- Campaigns (SPEC §8): what a sign-up joins, the welcome it gets, and the
-- broadcasts sent to a campaign's contacts or a tag.
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT 'newsletter',
  status TEXT NOT NULL DEFAULT 'active',
  welcome_template_id TEXT,
  welcome_subject TEXT NOT NULL DEFAULT '',
  welcome_body TEXT NOT NULL DEFAULT '',
  nurture_sequence_id TEXT,
  asset_url TEXT NOT NULL DEFAULT '',
  asset_name TEXT NOT NULL DEFAULT '',
  contact_tags TEXT NOT NULL DEFAULT '[]',
  utm_campaign TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX campaigns_workspace ON campaigns (workspace_id, created_at, id);

-- A form feeds at most one campaign: a sign-up joins one campaign and gets one welcome.
CREATE TABLE campaign_forms (
  workspace_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  form_id TEXT NOT NULL,
  PRIMARY KEY (campaign_id, form_id)
);
CREATE UNIQUE INDEX campaign_forms_form ON campaign_forms (form_id);

-- source: 'submission' (joined through an inbound form) or 'manual'.
CREATE TABLE campaign_contacts (
  workspace_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  submission_id TEXT,
  added_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, contact_id)
);
CREATE INDEX campaign_contacts_contact ON campaign_contacts (contact_id, added_at);
CREATE INDEX campaign_contacts_added ON campaign_contacts (campaign_id, added_at, contact_id);

-- One broadcast = one email to an audience (a campaign's contacts or a tag),
-- sent by one job in slices. last_contact_id is the checkpoint: recipients are
-- walked in contact id order, so a restarted job resumes after it.
CREATE TABLE broadcasts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  campaign_id TEXT,
  tag TEXT,
  audience TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued',
  total INTEGER NOT NULL DEFAULT 0,
  queued_count INTEGER NOT NULL DEFAULT 0,
  last_contact_id TEXT,
  job_id TEXT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  queued_at TEXT,
  finished_at TEXT
);
CREATE INDEX broadcasts_campaign ON broadcasts (workspace_id, campaign_id, created_at);
-- One running broadcast per audience, even across processes (a second one is a 409).
CREATE UNIQUE INDEX broadcasts_one_running ON broadcasts (workspace_id, audience)
  WHERE status IN ('queued', 'sending');
