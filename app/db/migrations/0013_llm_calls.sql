-- LLM usage: per-workspace listings and summaries read newest first.
CREATE INDEX IF NOT EXISTS idx_llm_calls_workspace ON llm_calls (workspace_id, created_at);
