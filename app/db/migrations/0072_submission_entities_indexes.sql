-- created_entities is read from the tables (app/services/processing/entities.py):
-- each lookup by submission needs its index (emails, notes, deals, tasks and
-- tickets have theirs already).
CREATE INDEX activities_submission ON activities (submission_id);
CREATE INDEX enrollments_submission ON enrollments (submission_id);
