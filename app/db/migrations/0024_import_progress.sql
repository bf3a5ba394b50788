-- A confirmed contacts import is written in batches (SPEC §13); its upload row keeps
-- the mapping, the skip choice, how many valid rows are in and what they did, all
-- updated in the same transaction as each batch, so a retry resumes after the last one.
ALTER TABLE contact_imports ADD COLUMN progress TEXT;
