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
-- Only the clean-up of finished jobs read (status, run_at); jobs_claim (status, priority,
-- run_at) serves it, and each job insert and status change wrote one index less.
DROP INDEX IF EXISTS jobs_due;

-- A submission arrives unassigned (routing assigns it in the background), and often
-- without a contact or company (notify_only, no email, no company field): partial
-- indexes leave those rows out, so the capture transaction writes none of these four.
-- Every lookup compares the column to a value, which implies IS NOT NULL, so the
-- planner still uses them.
DROP INDEX IF EXISTS submissions_assigned;
CREATE INDEX submissions_assigned ON submissions (assigned_id, status) WHERE assigned_id IS NOT NULL;
DROP INDEX IF EXISTS submissions_assigned_created;
CREATE INDEX submissions_assigned_created ON submissions (assigned_id, created_at)
  WHERE assigned_id IS NOT NULL;
DROP INDEX IF EXISTS submissions_contact;
CREATE INDEX submissions_contact ON submissions (contact_id, created_at) WHERE contact_id IS NOT NULL;
DROP INDEX IF EXISTS submissions_company;
CREATE INDEX submissions_company ON submissions (company_id, created_at) WHERE company_id IS NOT NULL;
