-- Job priorities (SPEC §8, §6.6): interactive work (submission processing,
-- transactional mail) is claimed before bulk work (broadcasts, imports, purges).
-- Lower number = claimed first; every existing job is interactive (0).
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
-- The claim seeks one priority level at a time in run_at order.
CREATE INDEX jobs_claim ON jobs (status, priority, run_at);
