"""The domain: plain async functions taking (db, workspace_id, ...)."""
