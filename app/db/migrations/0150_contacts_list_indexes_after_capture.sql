-- Capture speed (issue 21, SPEC §14): a contact created by a submission enters the
-- contact list's filter and sort indexes in the background, like its search index.
--
-- Each of these five indexes cost the capture transaction about 5 µs per new contact
-- (the insert and one more page in every commit). Capture now writes ``unindexed = 1``;
-- the process_submission job, which indexes the contact for search right after the 201
-- (app/services/crm/search_index.py), clears it, and that UPDATE writes the index
-- entries. The list (app/services/crm/search.py) asks for ``unindexed IS NULL`` when
-- it filters by status or source or sorts by anything but creation, so these partial
-- indexes still serve it; the newest-first list and the company page read full
-- indexes and show the contact at once. Contacts created any other way (the API, an
-- import, a merge) have NULL from the start.
ALTER TABLE contacts ADD COLUMN unindexed INTEGER;
DROP INDEX IF EXISTS contacts_ws_status;
CREATE INDEX contacts_ws_status ON contacts (workspace_id, status, created_at, id)
  WHERE unindexed IS NULL;
DROP INDEX IF EXISTS contacts_ws_source;
CREATE INDEX contacts_ws_source ON contacts (workspace_id, source, created_at, id)
  WHERE unindexed IS NULL;
DROP INDEX IF EXISTS contacts_ws_last_seen;
CREATE INDEX contacts_ws_last_seen ON contacts (workspace_id, COALESCE(last_seen, ''), id)
  WHERE unindexed IS NULL;
DROP INDEX IF EXISTS contacts_ws_name_sort;
CREATE INDEX contacts_ws_name_sort ON contacts (workspace_id, lower(name), id)
  WHERE unindexed IS NULL;
DROP INDEX IF EXISTS contacts_ws_count;
CREATE INDEX contacts_ws_count ON contacts (workspace_id, submission_count, id)
  WHERE unindexed IS NULL;
