-- The one-line submission summaries (services/processing/summary.py) look up
-- the deal a submission created and the emails it sent, a page of rows at a time.
CREATE INDEX IF NOT EXISTS deals_ws_source_submission ON deals (workspace_id, source_submission_id);
CREATE INDEX IF NOT EXISTS emails_submission ON emails (submission_id, created_at);
CREATE INDEX IF NOT EXISTS deals_ws_closed ON deals (workspace_id, closed_at);
