-- CRM (issue 6): indexes that keep contact search, sorting and filters fast at
-- 100 000 contacts. Search is a prefix range on lower-cased columns
-- (col >= q AND col < q || U+FFFF): portable SQL, served by these indexes.
CREATE INDEX contacts_ws_first_name ON contacts (workspace_id, lower(first_name));
CREATE INDEX contacts_ws_last_name ON contacts (workspace_id, lower(last_name));
CREATE INDEX contacts_ws_status ON contacts (workspace_id, status, created_at, id);
CREATE INDEX contacts_ws_source ON contacts (workspace_id, source, created_at, id);
CREATE INDEX contacts_ws_last_seen ON contacts (workspace_id, COALESCE(last_seen, ''), id);
CREATE INDEX contacts_ws_name_sort ON contacts (workspace_id, lower(name), id);
CREATE INDEX contacts_ws_count ON contacts (workspace_id, submission_count, id);
CREATE INDEX companies_ws_created ON companies (workspace_id, created_at, id);
CREATE INDEX contact_tags_ws_tag ON contact_tags (workspace_id, tag, contact_id);
CREATE INDEX deals_company ON deals (company_id);
CREATE INDEX deals_ws_created ON deals (workspace_id, created_at, id);
CREATE INDEX submissions_company ON submissions (company_id, created_at);
CREATE INDEX notes_submission ON notes (submission_id);

-- An uploaded contacts CSV waiting for the person to confirm its column mapping
-- (the page flow: upload -> preview -> confirm). Deleted once imported.
CREATE TABLE contact_imports (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  filename TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX contact_imports_ws ON contact_imports (workspace_id, created_at);
