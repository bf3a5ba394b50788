-- Contact search (issue 21): substring, accent-insensitive, ranked; no triggers.
--
-- The prefix table of 0016 was kept by triggers inside every contact write, the
-- capture transaction included. The index below is written by
-- app/services/crm/search_index.py instead (the contact services in their own
-- transaction, submissions by the processing job right after the 201), from
-- text folded in Python (lower case, no accents).
DROP TRIGGER contacts_search_insert;
DROP TRIGGER contacts_search_update;
DROP TRIGGER contacts_search_delete;
DROP TABLE contact_search;

-- One row per indexed contact. seq grows each time the contact is (re)indexed,
-- so the newest seq is the most recently active contact: search ties are broken
-- by walking seq downwards, without a sort.
CREATE TABLE contact_search_docs (
  seq INTEGER PRIMARY KEY,
  contact_id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  doc TEXT NOT NULL
);

-- Whole fields and words (email, local part, domain, name and company words, tags):
-- exact matches (term = q) and prefix matches (a range of term) by index.
CREATE TABLE contact_search_terms (
  workspace_id TEXT NOT NULL,
  term TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (seq, term)
);
CREATE INDEX contact_search_terms_find ON contact_search_terms (workspace_id, term, seq);

-- Substrings of the doc (three letters or more): FTS5 trigrams over the docs table.
-- SQLite only; the PostgreSQL port indexes contact_search_docs.doc with pg_trgm
-- (see app/db/text_search.py).
CREATE VIRTUAL TABLE contact_search_fts USING fts5(
  doc, content='contact_search_docs', content_rowid='seq', tokenize='trigram'
);

-- Existing contacts are indexed by a background job (folding needs Python), least
-- recently active first; search finds them as the slices commit.
INSERT INTO jobs (id, workspace_id, kind, payload, status, run_at, max_attempts, dedupe_key,
                  priority, created_at, updated_at)
  SELECT 'job_contact_search_backfill', NULL, 'reindex_contact_search', '{}', 'queued',
         '2000-01-01T00:00:00.000Z', 5, 'contact_search_backfill_0063', 1,
         '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'
  WHERE EXISTS (SELECT 1 FROM contacts);
