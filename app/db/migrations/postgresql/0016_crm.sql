-- PostgreSQL version of ../0016_crm.sql: the same tables; the triggers in PL/pgSQL.
-- CRM (issue 6): contact search, sorting and filters stay fast at 100 000 contacts.
--
-- Search is a prefix match over the email, name, first and last name (lower-cased),
-- the company name and the tags. contact_search holds one row per (contact, term),
-- kept in sync by the triggers below, and its index ends in (created_at, id): a
-- search's newest page comes from indexes alone, however broad the prefix ("a").
-- Plain tables, triggers and range predicates: nothing here needs FTS.
CREATE TABLE contact_search (
  workspace_id TEXT NOT NULL,
  term TEXT NOT NULL,
  contact_created_at TEXT NOT NULL,
  contact_id TEXT NOT NULL
);
CREATE INDEX contact_search_term ON contact_search (workspace_id, term, contact_created_at, contact_id);
CREATE INDEX contact_search_contact ON contact_search (contact_id);

INSERT INTO contact_search (workspace_id, term, contact_created_at, contact_id)
  SELECT workspace_id, v, created_at, id FROM (
    SELECT workspace_id, email_lower AS v, created_at, id FROM contacts
    UNION SELECT workspace_id, lower(name), created_at, id FROM contacts
    UNION SELECT workspace_id, lower(first_name), created_at, id FROM contacts
    UNION SELECT workspace_id, lower(last_name), created_at, id FROM contacts
  ) AS terms WHERE v != '';

-- The search terms of a contact, rewritten when its searchable columns change.
CREATE FUNCTION contacts_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM contact_search WHERE contact_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO contact_search (workspace_id, term, contact_created_at, contact_id)
      SELECT NEW.workspace_id, v, NEW.created_at, NEW.id FROM (
        SELECT NEW.email_lower AS v UNION SELECT lower(NEW.name) UNION SELECT lower(NEW.first_name)
        UNION SELECT lower(NEW.last_name)
      ) AS terms WHERE v <> '';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_search_sync();
CREATE TRIGGER contacts_search_update AFTER UPDATE OF email_lower, name, first_name, last_name ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_search_sync();
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_search_sync();

CREATE INDEX contacts_company_created ON contacts (company_id, created_at, id);
CREATE INDEX contacts_ws_status ON contacts (workspace_id, status, created_at, id);
CREATE INDEX contacts_ws_source ON contacts (workspace_id, source, created_at, id);
CREATE INDEX contacts_ws_last_seen ON contacts (workspace_id, COALESCE(last_seen, ''), id);
CREATE INDEX contacts_ws_name_sort ON contacts (workspace_id, lower(name), id);
CREATE INDEX contacts_ws_count ON contacts (workspace_id, submission_count, id);
-- The contact's created_at copied onto its tag rows (written by contacts.set_tags_tx
-- and the import) so tag search is index-only too.
ALTER TABLE contact_tags ADD COLUMN contact_created_at TEXT;
CREATE INDEX companies_ws_created ON companies (workspace_id, created_at, id);
CREATE INDEX contact_tags_ws_tag ON contact_tags (workspace_id, tag, contact_created_at, contact_id);
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
