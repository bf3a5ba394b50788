-- Capture speed (issue 21, SPEC §14). The rollup counts of arriving submissions,
-- contacts and spam rows are written by the code that stores the rows
-- (app/services/analytics/counters.py): the capture pipeline adds up a whole batch of
-- submissions and writes one upsert per rollup row, where these triggers wrote one per
-- row inside the hot transaction (and the PostgreSQL port has no triggers).
DROP TRIGGER IF EXISTS analytics_submission_insert;
DROP TRIGGER IF EXISTS analytics_contact_insert;
DROP TRIGGER IF EXISTS analytics_spam_insert;

-- Indexes whose columns open a wider index on the same table: the wider one serves
-- every lookup, and each insert no longer writes the narrow copy.
DROP INDEX IF EXISTS touchpoints_contact; -- touchpoints_contact_source (contact_id, created_at, utm_source)
DROP INDEX IF EXISTS contacts_company; -- contacts_company_created (company_id, created_at, id)
