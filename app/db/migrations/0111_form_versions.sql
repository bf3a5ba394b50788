-- SPEC §17 versions: a change to an active form's fields (or steps, translations) is a
-- new version; each submission records the version it was made against, and its page
-- shows that version's labels. form_versions rows are written once, never edited.
ALTER TABLE forms ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE submissions ADD COLUMN form_version INTEGER;
CREATE TABLE form_versions (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  form_id TEXT NOT NULL REFERENCES forms(id),
  version INTEGER NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]',
  steps TEXT NOT NULL DEFAULT '[]',
  translations TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  UNIQUE (form_id, version)
);
-- Forms published before versions existed: what they hold now is their version 1.
INSERT INTO form_versions (id, workspace_id, form_id, version, fields, steps, translations, created_at)
SELECT 'fver_' || id, workspace_id, id, 1, fields, steps, translations, updated_at
FROM forms WHERE status != 'draft';
UPDATE submissions SET form_version = 1;
