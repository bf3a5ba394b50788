-- PostgreSQL version of ../0060_capture_counts_in_code.sql: the same change; a
-- PostgreSQL trigger is dropped by naming its table (and its function goes too).
DROP TRIGGER IF EXISTS analytics_submission_insert ON submissions;
DROP FUNCTION IF EXISTS analytics_submission_insert();
DROP TRIGGER IF EXISTS analytics_contact_insert ON contacts;
DROP TRIGGER IF EXISTS analytics_spam_insert ON spam_log;
DROP FUNCTION IF EXISTS analytics_spam_insert();

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
