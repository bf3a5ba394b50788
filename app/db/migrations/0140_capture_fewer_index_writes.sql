-- Capture speed (issue 21, SPEC §14): two index writes fewer per submission.

-- Nothing reads touchpoints by (workspace, utm_source): every query and the rollups
-- look a contact's touchpoints up by contact_id (touchpoints_contact_source).
DROP INDEX IF EXISTS touchpoints_source;

-- Only the claim's expired-lease probe reads lease_until, and only of running jobs;
-- every other status lookup is served by jobs_claim (status, priority, run_at). Partial,
-- the queued job each submission adds is no longer written to it (status stays its
-- first column so the planner still picks it for the probe's range).
DROP INDEX IF EXISTS jobs_lease;
CREATE INDEX jobs_lease ON jobs (status, lease_until) WHERE status = 'running';
